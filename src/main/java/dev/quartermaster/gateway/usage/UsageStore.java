package dev.quartermaster.gateway.usage;

import dev.quartermaster.platform.Usd;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what metering wrote. Totals come from {@code usage_daily} (its primary key leads with the
 * day, {@code usage_daily_user} with the user), or from the smaller {@code usage_daily_users}
 * (per user and day) or {@code usage_daily_totals} (no user) when they have every column asked for; single calls from {@code ledger} through
 * {@code ledger_created} or {@code ledger_user_created}. "Today" and "this month" are the
 * database's UTC day and month, as the windows were written.
 */
@Repository
class UsageStore {

    static final String TODAY = "(now() at time zone 'UTC')::date";
    static final String THIS_MONTH = "date_trunc('month', now() at time zone 'UTC')::date";
    private static final String LEDGER_COLUMNS = """
            id, request_id, attempt, created_at, user_id, api_key_id, model, provider, profile_id, key_source,
            input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens,
            pricing_entry_id, pricing_version, cost_nano, status, latency_ms, ttft_ms, streamed, estimated,
            usage_unknown""";
    private static final String TOTALS = """
            sum(requests)::bigint, sum(input_tokens)::bigint, sum(output_tokens)::bigint, sum(cost_nano)::bigint as spent""";

    /** A statement and its parameters, kept apart so that a test can ask PostgreSQL for its plan. */
    record Query(String sql, List<Object> params) {
    }

    /** Nano-USD amounts of one window. */
    record WindowRow(long spent, long reserved) {
        static final WindowRow EMPTY = new WindowRow(0, 0);
    }

    /** What {@code qm_limits} says binds a user, in nano-USD; null is no limit. */
    record LimitRow(Long adminDay, Long adminMonth, Long personalDay, Long personalMonth) {
        static final LimitRow NONE = new LimitRow(null, null, null, null);
    }

    record ModelRow(String model, long requests, long inputTokens, long outputTokens, long spentNano) {
    }

    /** {@code grouping(day, model, provider, key_source)} of each grouping set: a bit is set for each column not grouped. */
    static final int BY_DAY = 0b0111;
    static final int BY_MODEL = 0b1011;
    static final int BY_PROVIDER = 0b1101;
    static final int BY_KEY_SOURCE = 0b1110;

    private final JdbcClient jdbc;

    UsageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's current day and month windows, by period; absent when nothing was reserved yet. */
    Map<String, WindowRow> windows(UUID user) {
        return jdbc.sql("select period, spent_nano, reserved_nano from spend_windows where user_id = ?"
                        + " and ((period = 'day' and starts = " + TODAY + ") or (period = 'month' and starts = " + THIS_MONTH + "))")
                .param(user)
                .query((rs, n) -> Map.entry(rs.getString(1), new WindowRow(rs.getLong(2), rs.getLong(3))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    LimitRow limits(UUID user) {
        return jdbc.sql("select admin_day, admin_month, personal_day, personal_month from qm_limits(?)").param(user)
                .query((rs, n) -> new LimitRow(rs.getObject(1, Long.class), rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class), rs.getObject(4, Long.class)))
                .optional().orElse(LimitRow.NONE);
    }

    static Query thisMonthByModel(UUID user) {
        return new Query("select model, " + TOTALS + " from usage_daily where user_id = ? and day >= " + THIS_MONTH
                + " group by model order by spent desc, model", List.of(user));
    }

    List<ModelRow> thisMonthByModelRows(UUID user) {
        Query query = thisMonthByModel(user);
        return jdbc.sql(query.sql()).params(query.params())
                .query((rs, n) -> new ModelRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    static Query groups(UsageFilter filter, Grouping grouping) {
        Where where = rollupWhere(filter);
        return new Query("select " + grouping.column + ", " + TOTALS + " from " + rollup(filter, grouping) + where.sql()
                + " group by " + grouping.column + " order by " + grouping.order, where.params);
    }

    /**
     * The totals by day, by model, by provider and by key source in one statement and one pass over the
     * rollup ({@code grouping sets}); {@code set} says which grouping a row is, and orders them so.
     */
    static Query breakdown(UsageFilter filter) {
        Where where = rollupWhere(filter);
        return new Query("select day, model, provider, key_source, " + TOTALS + ", grouping(day, model, provider, key_source) as set"
                + " from " + rollup(filter, Grouping.MODEL) + where.sql()
                + " group by grouping sets ((day), (model), (provider), (key_source))"
                + " order by set, day, spent desc, model, provider, key_source", where.params);
    }

    Breakdown breakdownRows(UsageFilter filter) {
        Query query = breakdown(filter);
        Map<Integer, List<UsageGroup>> sets = new HashMap<>();
        jdbc.sql(query.sql()).params(query.params()).query((RowCallbackHandler) rs -> {
            int set = rs.getInt("set");
            sets.computeIfAbsent(set, s -> new ArrayList<>()).add(new UsageGroup(
                    set == BY_DAY ? rs.getObject(1, LocalDate.class) : null, set == BY_MODEL ? rs.getString(2) : null,
                    null, set == BY_PROVIDER ? rs.getString(3) : null, set == BY_KEY_SOURCE ? rs.getString(4) : null,
                    rs.getLong(5), rs.getLong(6), rs.getLong(7), Usd.ofNano(rs.getLong(8))));
        });
        return new Breakdown(sets.getOrDefault(BY_DAY, List.of()), sets.getOrDefault(BY_MODEL, List.of()),
                sets.getOrDefault(BY_PROVIDER, List.of()), sets.getOrDefault(BY_KEY_SOURCE, List.of()));
    }

    private static Where rollupWhere(UsageFilter filter) {
        return new Where().add("user_id = ?", filter.user()).add("model = ?", filter.model())
                .add("provider = ?", filter.provider()).add("key_source = ?", filter.keySource())
                .add("day >= ?", filter.from()).add("day <= ?", filter.to());
    }

    /** The smallest rollup that has every column the filter and the grouping need. */
    static String rollup(UsageFilter filter, Grouping grouping) {
        boolean byUser = filter.user() != null || grouping == Grouping.USER;
        boolean byCall = filter.model() != null || filter.provider() != null || filter.keySource() != null
                || grouping == Grouping.MODEL || grouping == Grouping.PROVIDER;
        if (!byUser) {
            return "usage_daily_totals";
        }
        return byCall ? "usage_daily" : "usage_daily_users";
    }

    List<UsageGroup> groupRows(UsageFilter filter, Grouping grouping) {
        Query query = groups(filter, grouping);
        return jdbc.sql(query.sql()).params(query.params()).query((rs, n) -> group(rs, grouping)).list();
    }

    /**
     * The log newest first: ties of {@code created_at} (one settlement batch's rows) are broken by id,
     * and the indexes end with the id, so that the order is read from them, not sorted.
     */
    static Query requests(UsageFilter filter, RequestCursor after, int limit) {
        Where where = ledgerWhere(filter);
        if (after != null) {
            OffsetDateTime at = after.createdAt().atOffset(ZoneOffset.UTC);
            // a row comparison is a range of ledger_created (created_at, id) and of ledger_user_created
            where.add("(created_at, id) < (?, ?)", at, after.id());
        }
        List<Object> params = new ArrayList<>(where.params);
        params.add(limit);
        return new Query("select " + LEDGER_COLUMNS + " from ledger" + where.sql()
                + " order by created_at desc, id desc limit ?", params);
    }

    List<LedgerEntry> requestRows(UsageFilter filter, RequestCursor after, int limit) {
        Query query = requests(filter, after, limit);
        return jdbc.sql(query.sql()).params(query.params()).query((rs, n) -> entry(rs)).list();
    }

    static Query ledger(UsageFilter filter) {
        Where where = ledgerWhere(filter);
        return new Query("select " + LEDGER_COLUMNS + " from ledger" + where.sql() + " order by created_at, id",
                where.params);
    }

    /**
     * Every matching ledger row, oldest first, fetched {@code fetchSize} at a time: PostgreSQL's
     * driver holds a cursor instead of the whole result only inside a transaction, which the caller holds.
     */
    void eachLedgerRow(UsageFilter filter, int fetchSize, Consumer<LedgerEntry> each) {
        Query query = ledger(filter);
        jdbc.sql(query.sql()).params(query.params()).withFetchSize(fetchSize)
                .query((RowCallbackHandler) rs -> each.accept(entry(rs)));
    }

    private static Where ledgerWhere(UsageFilter filter) {
        return new Where().add("user_id = ?", filter.user()).add("model = ?", filter.model())
                .add("provider = ?", filter.provider()).add("key_source = ?", filter.keySource())
                .add("created_at >= ?", filter.from() == null ? null : filter.from().atStartOfDay().atOffset(ZoneOffset.UTC))
                .add("created_at < ?", filter.to() == null ? null
                        : filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    private static UsageGroup group(ResultSet rs, Grouping grouping) throws SQLException {
        return new UsageGroup(grouping == Grouping.DAY ? rs.getObject(1, LocalDate.class) : null,
                grouping == Grouping.MODEL ? rs.getString(1) : null,
                grouping == Grouping.USER ? rs.getObject(1, UUID.class) : null,
                grouping == Grouping.PROVIDER ? rs.getString(1) : null, null,
                rs.getLong(2), rs.getLong(3), rs.getLong(4), Usd.ofNano(rs.getLong(5)));
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getString("request_id"), rs.getInt("attempt"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("user_id", UUID.class),
                rs.getObject("api_key_id", UUID.class), rs.getString("model"), rs.getString("provider"),
                rs.getObject("profile_id", UUID.class), rs.getString("key_source"),
                rs.getObject("input_tokens", Long.class), rs.getObject("cached_input_tokens", Long.class),
                rs.getObject("cache_write_tokens", Long.class), rs.getObject("output_tokens", Long.class),
                rs.getObject("reasoning_tokens", Long.class), rs.getObject("pricing_entry_id", UUID.class),
                rs.getObject("pricing_version", Integer.class), Usd.ofNano(rs.getLong("cost_nano")),
                rs.getInt("status"), rs.getObject("latency_ms", Integer.class), rs.getObject("ttft_ms", Integer.class),
                rs.getBoolean("streamed"), rs.getBoolean("estimated"), rs.getBoolean("usage_unknown"));
    }

    /** Conditions joined by {@code and}; one whose value is null is left out (that filter was not asked for). */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        Where add(String condition, Object... values) {
            if (values[0] != null) {
                conditions.add(condition);
                params.addAll(List.of(values));
            }
            return this;
        }

        String sql() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
