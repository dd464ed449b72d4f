/**
 * Administration: the rules for users, groups, tiers and API keys (containment: an administrator
 * reaches only what they hold), the rate limits of tiers and keys, and the bootstrap of the first admin.
 */
package dev.quartermaster.identity.administration;
