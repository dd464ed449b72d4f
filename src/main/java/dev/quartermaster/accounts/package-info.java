/**
 * What a user has: preferences, budgets, their own provider keys (BYOK) and the resolution of which
 * key pays for a call. Its public API is {@link dev.quartermaster.accounts.KeyResolver} and
 * {@link dev.quartermaster.accounts.ModelAccess}.
 */
package dev.quartermaster.accounts;
