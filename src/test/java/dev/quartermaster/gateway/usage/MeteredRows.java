package dev.quartermaster.gateway.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes what the metering engine would have written (its rows, not its logic), so that the read
 * side can be tested on its own. Money in nano-USD, days in UTC, "today" as the database sees it.
 */
public record MeteredRows(JdbcClient jdbc) {

    public static final long USD = 1_000_000_000L;

    LocalDate today() {
        return jdbc.sql("select " + UsageStore.TODAY).query(LocalDate.class).single();
    }

    void window(UUID user, String period, long spentNano, long reservedNano) {
        String starts = period.equals("day") ? UsageStore.TODAY : UsageStore.THIS_MONTH;
        jdbc.sql("insert into spend_windows (user_id, period, starts, spent_nano, reserved_nano) values (?, ?, "
                + starts + ", ?, ?)").params(user, period, spentNano, reservedNano).update();
    }

    public void daily(LocalDate day, UUID user, String model, String provider, String keySource, long requests,
               long input, long output, long costNano) {
        jdbc.sql("""
                insert into usage_daily (day, user_id, model, provider, key_source, requests, input_tokens,
                    output_tokens, cost_nano) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(day, user, model, provider, keySource, requests, input, output, costNano).update();
        jdbc.sql("""
                insert into usage_daily_totals as t (day, model, provider, key_source, requests, input_tokens,
                    output_tokens, cost_nano) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (day, model, provider, key_source) do update set requests = t.requests + excluded.requests,
                    input_tokens = t.input_tokens + excluded.input_tokens,
                    output_tokens = t.output_tokens + excluded.output_tokens, cost_nano = t.cost_nano + excluded.cost_nano
                """).params(day, model, provider, keySource, requests, input, output, costNano).update();
        jdbc.sql("""
                insert into usage_daily_users as t (day, user_id, requests, input_tokens, output_tokens, cost_nano)
                values (?, ?, ?, ?, ?, ?)
                on conflict (day, user_id) do update set requests = t.requests + excluded.requests,
                    input_tokens = t.input_tokens + excluded.input_tokens,
                    output_tokens = t.output_tokens + excluded.output_tokens, cost_nano = t.cost_nano + excluded.cost_nano
                """).params(day, user, requests, input, output, costNano).update();
    }

    public void ledger(String requestId, int attempt, Instant at, UUID user, String model, String provider, String keySource,
                long costNano) {
        jdbc.sql("""
                insert into ledger (request_id, attempt, created_at, user_id, model, provider, key_source, raw_usage,
                    input_tokens, output_tokens, cost_nano, status, latency_ms, streamed)
                values (?, ?, ?, ?, ?, ?, ?, '{"prompt_tokens": 10}'::jsonb, 10, 20, ?, 200, 123, false)
                """).params(requestId, attempt, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), user, model, provider,
                keySource, costNano).update();
    }

    /** {@code count} rows for one user in one statement, a second apart, ending now. */
    void manyLedgerRows(UUID user, String model, int count) {
        jdbc.sql("""
                insert into ledger (request_id, attempt, created_at, user_id, model, provider, key_source,
                    input_tokens, output_tokens, cost_nano, status, streamed)
                select 'req-' || ? || '-' || i, 1, now() - make_interval(secs => ? - i), ?, ?, 'openai', 'managed',
                    100, 200, 1500, 200, true
                from generate_series(1, ?) as i
                """).params(user.toString(), count, user, model, count).update();
    }
}
