/** The identity tables: users, groups, tiers and API keys, and the rows read from them. */
package dev.quartermaster.identity.store;
