/**
 * {@code GET /v1/ai/usage} (the caller's own, snake_case, RFC 9457) and the admin's
 * {@code /api/v1/system/usage[/requests, /ledger.csv]} (camelCase, {@code {"data": …}}).
 */
package dev.quartermaster.gateway.usage.web;
