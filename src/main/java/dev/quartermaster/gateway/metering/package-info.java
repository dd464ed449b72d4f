/**
 * Metering of gateway calls: the upper bound of a call's cost reserved on every budget that binds
 * it before the call (in memory on this process's budget lease, or in one PostgreSQL statement
 * under rate limits); settlement into the append-only ledger after it, in batches; the sweep that
 * settles what a dead server left; the Prometheus meters of calls.
 */
package dev.quartermaster.gateway.metering;
