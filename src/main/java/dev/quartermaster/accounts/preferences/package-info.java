/** A user's preferences: the preferred model, and the budget limits of tier, user and personal cap. */
package dev.quartermaster.accounts.preferences;
