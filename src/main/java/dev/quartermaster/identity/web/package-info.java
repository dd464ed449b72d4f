/**
 * HTTP adapters of the system API for users, groups, tiers, the rate limits of tiers and API keys,
 * and {@code /me} (camelCase, {@code {"data": …}}).
 */
package dev.quartermaster.identity.web;
