/**
 * The identity tables: users, groups, tiers and API keys, the rate limits of tiers and keys, the
 * counts of failed sign-ins, and the rows read from them.
 */
package dev.quartermaster.identity.store;
