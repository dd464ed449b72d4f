package dev.quartermaster.gateway.metering;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The metering statements: one per reservation, one per settlement (the SQL is in V50__metering.sql). */
@Repository
class MeterStore {

    /** What {@code qm_reserve} answered; {@code limitNano} and {@code period} name the limit that refused. */
    record Reserved(String outcome, long amountNano, UUID pricingEntryId, Integer pricingVersion, Long limitNano,
                    String period) {
    }

    /** A reservation's request: who, what, the bounds, and what its ledger rows will carry. */
    record Request(String requestId, UUID userId, UUID modelId, boolean managed, long inputTokens, long outputTokens,
                   long expirySeconds, UUID apiKeyId, String model, String provider, UUID profileId, String keySource,
                   boolean streamed) {
    }

    private final JdbcClient jdbc;

    MeterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Reserved reserve(Request r, boolean dryRun) {
        return jdbc.sql("""
                        select * from qm_reserve(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.requestId(), r.userId(), r.modelId(), r.managed(), r.inputTokens(), r.outputTokens(),
                        (int) r.expirySeconds(), dryRun, r.apiKeyId(), r.model(), r.provider(), r.profileId(), r.keySource(),
                        r.streamed())
                .query((rs, n) -> new Reserved(rs.getString("outcome"), rs.getLong("amount_nano"),
                        rs.getObject("pricing_entry_id", UUID.class), (Integer) rs.getObject("pricing_version"),
                        (Long) rs.getObject("limit_nano"), rs.getString("period")))
                .single();
    }

    /**
     * Writes the call's ledger rows, releases its reservation and its rate-limit slot (counting the
     * tokens it used), in one statement; the cost, or null if it was already settled.
     */
    Long settle(String requestId, String rowsJson, long usedTokens) {
        return jdbc.sql("select qm_settle(?, ?::jsonb) as cost, qm_release_rate(?, ?) as released")
                .params(requestId, rowsJson, requestId, usedTokens)
                .query((rs, n) -> (Long) rs.getObject("cost")).optional().orElse(null);
    }

    /** Settles up to {@code limit} abandoned reservations at their full amount; how many it did. */
    int expire(int limit) {
        return jdbc.sql("select qm_expire(?)").param(limit).query(Integer.class).single();
    }
}
