/** The identity tables: users, groups and API keys, and the rows read from them. */
package dev.quartermaster.identity.store;
