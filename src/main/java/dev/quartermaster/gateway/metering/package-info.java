/**
 * Metering of gateway calls: the upper bound of a call's cost reserved on every budget that binds
 * it before the call, in one PostgreSQL statement; settlement into the append-only ledger after it;
 * the sweep that settles reservations whose server died; the Prometheus meters of calls.
 */
package dev.quartermaster.gateway.metering;
