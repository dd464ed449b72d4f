/**
 * What was spent, read back: the caller's own day and month windows and usage by model, and for
 * admins usage grouped by day, model, user or provider, the request log and the ledger as CSV. Reads
 * only what metering wrote ({@code usage_daily}, {@code spend_windows}, {@code ledger}, the
 * {@code qm_limits} function), never the metering engine itself; totals come from the daily rollup,
 * single calls from the ledger through its indexes.
 */
package dev.quartermaster.gateway.usage;
