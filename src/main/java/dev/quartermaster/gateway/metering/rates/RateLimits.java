package dev.quartermaster.gateway.metering.rates;

import dev.quartermaster.gateway.metering.rates.Admission.Outcome;
import dev.quartermaster.gateway.metering.rates.Admission.Quota;
import dev.quartermaster.gateway.pipeline.GatewayProperties;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.KeyedCache;
import dev.quartermaster.platform.Topic;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Admits gateway calls against the rate limits of the caller's tier (per user of the tier) and API
 * key, exactly across server processes: each step is one statement, and the counters are rows in
 * PostgreSQL locked in a fixed order (migration V52). A call admitted with {@link #admit} is
 * {@link #release}d once it ends; one whose server died stops holding its stream's slot when its
 * admission expires, a little after the longest a call may take ({@code qm.gateway.total}).
 */
@Component
public class RateLimits {

    private static final String ADMIT = "select * from qm_admit_rate(?, ?, ?, ?, ?, ?, ?)";

    private static final String ANY = "(requests_per_minute is not null or tokens_per_minute is not null"
            + " or concurrent_streams is not null)";

    private final JdbcClient jdbc;
    private final int ttlSeconds;
    private final KeyedCache<String, Boolean> limitedTiers = new KeyedCache<>(10_000);
    private final KeyedCache<UUID, Boolean> limitedKeys = new KeyedCache<>(1_000_000);

    RateLimits(JdbcClient jdbc, GatewayProperties gateway, Changes changes) {
        this.jdbc = jdbc;
        this.ttlSeconds = Math.toIntExact(gateway.total().toSeconds() + 60);
        for (Topic topic : List.of(Tiers.RATE_LIMITS_TOPIC, Tiers.TOPIC)) {
            changes.subscribe(topic, () -> {
                limitedTiers.invalidateAll();
                limitedKeys.invalidateAll();
            });
        }
    }

    /** Whether any rate limit binds a caller of the tier with the key (null: none), from memory. */
    public boolean limited(String tier, UUID apiKeyId) {
        boolean byTier = limitedTiers.get(tier, t -> jdbc.sql("select exists (select 1 from tier_rate_limits where tier = ? and "
                + ANY + ")").param(t).query(Boolean.class).single());
        return byTier || apiKeyId != null && limitedKeys.get(apiKeyId, k -> jdbc.sql(
                "select exists (select 1 from api_key_rate_limits where api_key_id = ? and " + ANY + ")")
                .param(k).query(Boolean.class).single());
    }

    /**
     * Counts the call against every limit that binds it, or refuses it without counting anything.
     *
     * @param apiKeyId the key the caller used, or null (a JWT or password: only the tier's limits apply)
     * @param tokens what the call may use (its input bound plus {@code max_tokens}), counted now and
     *               corrected by {@link #release}
     */
    public Admission admit(String requestId, UUID userId, UUID apiKeyId, long tokens, boolean stream) {
        return run(Objects.requireNonNull(requestId, "requestId"), userId, apiKeyId, tokens, stream, false);
    }

    /** What {@link #admit} would answer now, counting and locking nothing (for a quote). */
    public Admission check(UUID userId, UUID apiKeyId, long tokens, boolean stream) {
        return run("", userId, apiKeyId, tokens, stream, true);
    }

    /**
     * Ends an admitted call: frees its stream's slot and counts {@code actualTokens} instead of what
     * was admitted, in the minute that counted it. A negative count keeps the admitted one; releasing
     * twice, or a call that was never limited, does nothing.
     */
    public void release(String requestId, long actualTokens) {
        jdbc.sql("select qm_release_rate(?, ?)").params(requestId, actualTokens < 0 ? null : actualTokens)
                .query(Boolean.class).single();
    }

    private Admission run(String requestId, UUID userId, UUID apiKeyId, long tokens, boolean stream, boolean dryRun) {
        Objects.requireNonNull(userId, "userId");
        return jdbc.sql(ADMIT).params(requestId, userId, apiKeyId, Math.max(tokens, 0), stream, dryRun, ttlSeconds)
                .query(RateLimits::admission).single();
    }

    /** How long an admission holds a stream's slot if nobody releases it, for a caller that admits in its own statement. */
    public int admissionSeconds() {
        return ttlSeconds;
    }

    /** An admission from a row with {@code qm_admit_rate}'s columns. */
    public static Admission admission(ResultSet rs, int row) throws SQLException {
        OffsetDateTime resetAt = rs.getObject("reset_at", OffsetDateTime.class);
        Integer retry = rs.getObject("retry_after", Integer.class);
        return new Admission(Outcome.of(rs.getString("outcome")),
                quota(rs, "requests_limit", "requests_remaining"),
                quota(rs, "tokens_limit", "tokens_remaining"),
                quota(rs, "streams_limit", "streams_remaining"),
                rs.getObject("reset_seconds", Integer.class),
                resetAt == null ? null : resetAt.toInstant(),
                retry == null ? null : retry.longValue());
    }

    private static Quota quota(ResultSet rs, String limit, String remaining) throws SQLException {
        long max = rs.getLong(limit);
        return rs.wasNull() ? null : new Quota(max, rs.getLong(remaining));
    }
}
