/**
 * Rate limits of gateway calls, shared by every server process through PostgreSQL: requests and
 * tokens per fixed UTC minute and concurrent streams, per tier (counted per user of the tier) and
 * per API key. {@link dev.quartermaster.gateway.metering.rates.RateLimits} admits and releases a
 * call with one statement each ({@code qm_admit_rate}, {@code qm_release_rate}, migration V52);
 * {@link dev.quartermaster.gateway.metering.rates.Admission} carries the answer, its
 * {@code x-ratelimit-*} / {@code anthropic-ratelimit-*} headers and its refusal. The limits are set
 * on the identity admin API ({@code /api/v1/system/tiers/{name}/rate-limits},
 * {@code /api/v1/system/users/{id}/api-keys/{keyId}/rate-limits}).
 */
package dev.quartermaster.gateway.metering.rates;
