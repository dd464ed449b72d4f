/**
 * Metering of gateway calls: what a call may spend and what it cost. Its {@code rates} sub-package
 * admits calls against the rate limits of the caller's tier and API key.
 */
package dev.quartermaster.gateway.metering;
