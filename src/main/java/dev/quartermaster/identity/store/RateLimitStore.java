package dev.quartermaster.identity.store;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code tier_rate_limits} and {@code api_key_rate_limits} (migration V52): one row per tier or key
 * that has a limit; no row is no limit. The gateway reads them in {@code qm_admit_rate}.
 */
@Repository
public class RateLimitStore {

    private final JdbcClient jdbc;

    RateLimitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RateLimitView tier(String tier) {
        return find("tier_rate_limits", "tier", tier);
    }

    public void setTier(String tier, RateLimitView limits) {
        set("tier_rate_limits", "tier", tier, limits);
    }

    public RateLimitView apiKey(UUID keyId) {
        return find("api_key_rate_limits", "api_key_id", keyId);
    }

    public void setApiKey(UUID keyId, RateLimitView limits) {
        set("api_key_rate_limits", "api_key_id", keyId, limits);
    }

    /** Whether {@code keyId} is one of the user's keys (revoked or not). */
    public boolean keyOf(UUID userId, UUID keyId) {
        return jdbc.sql("select exists (select 1 from api_keys where id = ? and user_id = ?)").params(keyId, userId)
                .query(Boolean.class).single();
    }

    /** Table and column names come from this class, never from a request. */
    private RateLimitView find(String table, String key, Object id) {
        return jdbc.sql("select requests_per_minute, tokens_per_minute, concurrent_streams from " + table
                        + " where " + key + " = ?").param(id)
                .query(RateLimitView.class).optional().orElse(RateLimitView.NONE);
    }

    private void set(String table, String key, Object id, RateLimitView limits) {
        if (limits.none()) {
            jdbc.sql("delete from " + table + " where " + key + " = ?").param(id).update();
            return;
        }
        jdbc.sql("insert into " + table + " (" + key + ", requests_per_minute, tokens_per_minute, concurrent_streams)"
                        + " values (?, ?, ?, ?) on conflict (" + key + ") do update set"
                        + " requests_per_minute = excluded.requests_per_minute,"
                        + " tokens_per_minute = excluded.tokens_per_minute,"
                        + " concurrent_streams = excluded.concurrent_streams, updated_at = now()")
                .params(id, limits.requestsPerMinute(), limits.tokensPerMinute(), limits.concurrentStreams()).update();
    }
}
