/**
 * Provider connections: profiles with their sealed keys (one active), the provider types, and calls
 * to a provider in its own protocol. Its public API is this package: the in-memory profile summaries
 * and managed keys ({@link dev.quartermaster.providers.ProviderProfiles}), the provider types, and the probe
 * that checks a key or configuration.
 */
package dev.quartermaster.providers;
