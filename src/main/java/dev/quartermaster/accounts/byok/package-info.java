/** A user's own provider keys (BYOK): sealed in the vault, validated with the provider, one per provider type. */
package dev.quartermaster.accounts.byok;
