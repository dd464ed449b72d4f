package dev.quartermaster.gateway.metering;

import dev.quartermaster.gateway.metering.rates.Admission;
import dev.quartermaster.gateway.metering.rates.RateLimits;
import dev.quartermaster.gateway.wire.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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

    /** Both answers of {@code qm_admit_and_reserve}: the rate limits', and the budgets' (null if the rate limits refused). */
    record Admitted(Admission admission, Reserved reserved) {
    }

    /** The rate limits, then the budgets, in one statement and one transaction. */
    Admitted admitAndReserve(Request r, long rateTokens, int rateSeconds) {
        return jdbc.sql("select * from qm_admit_and_reserve(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.requestId(), r.userId(), r.apiKeyId(), rateTokens, r.streamed(), rateSeconds, r.modelId(),
                        r.managed(), r.inputTokens(), r.outputTokens(), (int) r.expirySeconds(), r.model(), r.provider(),
                        r.profileId(), r.keySource())
                .query((rs, n) -> new Admitted(RateLimits.admission(rs, n),
                        rs.getString("budget_outcome") == null ? null : reserved(rs, "budget_outcome")))
                .single();
    }

    Reserved reserve(Request r, boolean dryRun) {
        return jdbc.sql("""
                        select * from qm_reserve(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.requestId(), r.userId(), r.modelId(), r.managed(), r.inputTokens(), r.outputTokens(),
                        (int) r.expirySeconds(), dryRun, r.apiKeyId(), r.model(), r.provider(), r.profileId(), r.keySource(),
                        r.streamed())
                .query((rs, n) -> reserved(rs, "outcome"))
                .single();
    }

    private static Reserved reserved(ResultSet rs, String outcome) throws SQLException {
        return new Reserved(rs.getString(outcome), rs.getLong("amount_nano"), rs.getObject("pricing_entry_id", UUID.class),
                (Integer) rs.getObject("pricing_version"), (Long) rs.getObject("limit_nano"), rs.getString("period"));
    }

    /** What {@code qm_lease} answered: the grant, or the limit that refused it. */
    record Leased(String outcome, long grantedNano, boolean unlimited, Long limitNano, String period) {
    }

    Leased lease(UUID lease, UUID holder, UUID user, boolean managed, long amount, long need, long want, int ttlSeconds,
                 boolean taken) {
        return jdbc.sql("select * from qm_lease(?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(lease, holder, user, managed, amount, Math.max(need, 0), Math.max(want, need), ttlSeconds, taken)
                .query((rs, n) -> new Leased(rs.getString("outcome"), rs.getLong("granted"), rs.getBoolean("unlimited"),
                        (Long) rs.getObject("limit_nano"), rs.getString("period")))
                .single();
    }

    /** The holder's leases that are still there, renewed. */
    List<UUID> renewLeases(UUID holder, int ttlSeconds) {
        return jdbc.sql("select * from qm_lease_renew(?, ?)").params(holder, ttlSeconds).query(UUID.class).list();
    }

    void returnLease(UUID lease) {
        jdbc.sql("select qm_lease_return(?)").param(lease).query(Long.class).optional();
    }

    /**
     * One batch in one statement and one transaction: records of calls admitted on leases, then the
     * settlements; each settlement's cost, or null if it was already settled.
     */
    List<Long> write(ArrayNode holds, List<Settlements.Settlement> calls) {
        ArrayNode batch = Json.MAPPER.createArrayNode();
        for (Settlements.Settlement call : calls) {
            ObjectNode item = batch.addObject().put("request_id", call.plan().requestId()).put("used_tokens", call.usedTokens());
            item.set("rows", call.rows());
            if (call.record() != null) {
                item.set("hold", call.record());
            }
        }
        JsonNode costs = Json.parse(jdbc.sql("select qm_write(?::jsonb, ?::jsonb)").params(Json.write(holds), Json.write(batch))
                .query(String.class).single(), "costs");
        List<Long> answer = new ArrayList<>(calls.size());
        costs.forEach(cost -> answer.add(cost.isNull() ? null : cost.longValue()));
        return answer;
    }

    /**
     * One step of the sweep in its own transaction (an abandoned reservation, or an expired lease with
     * its calls): how many calls it settled at their full amount, or -1 when nothing is abandoned.
     */
    int expireNext() {
        return jdbc.sql("select qm_expire_next()").query(Integer.class).single();
    }
}
