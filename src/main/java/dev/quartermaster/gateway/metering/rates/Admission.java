package dev.quartermaster.gateway.metering.rates;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@link RateLimits#admit}: whether the call may go ahead and, per dimension, the
 * limit and what remains of it in the tightest scope that binds the caller (null: no limit).
 * {@code remaining} already counts this call when it was admitted.
 *
 * @param resetSeconds when the current minute's window ends, 1-60 seconds from now (null: no limit)
 * @param resetAt the same moment as a time (null: no limit)
 * @param retryAfterSeconds when a refused call may try again (null when admitted, or too large to ever fit)
 */
public record Admission(Outcome outcome, Quota requests, Quota tokens, Quota streams, Integer resetSeconds,
                        Instant resetAt, Long retryAfterSeconds) {

    /** What no limit at all answers. */
    public static final Admission UNLIMITED = new Admission(Outcome.OK, null, null, null, null, null, null);

    public enum Outcome {
        OK, REQUESTS, TOKENS, STREAMS, TOO_LARGE;

        static Outcome of(String sql) {
            return valueOf(sql.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** One dimension's limit in its tightest scope, and what is left of it. */
    public record Quota(long limit, long remaining) {
    }

    public Admission {
        java.util.Objects.requireNonNull(outcome, "outcome");
    }

    public boolean admitted() {
        return outcome == Outcome.OK;
    }

    /** OpenAI's {@code x-ratelimit-*} headers, for the dimensions that have a limit; reset as "12s". */
    public Map<String, String> openAiHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, requests, "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests",
                duration(resetSeconds));
        put(headers, tokens, "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens",
                duration(resetSeconds));
        return headers;
    }

    /** Anthropic's {@code anthropic-ratelimit-*} headers, for the dimensions that have a limit; reset in RFC 3339. */
    public Map<String, String> anthropicHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        String reset = resetAt == null ? null : resetAt.truncatedTo(ChronoUnit.SECONDS).toString();
        put(headers, requests, "anthropic-ratelimit-requests-limit", "anthropic-ratelimit-requests-remaining",
                "anthropic-ratelimit-requests-reset", reset);
        put(headers, tokens, "anthropic-ratelimit-tokens-limit", "anthropic-ratelimit-tokens-remaining",
                "anthropic-ratelimit-tokens-reset", reset);
        return headers;
    }

    /** Sets this answer's headers in the route's dialect; call it before the first byte of the body. */
    public void applyHeaders(HttpServletResponse response, boolean anthropic) {
        (anthropic ? anthropicHeaders() : openAiHeaders()).forEach(response::setHeader);
    }

    /** The error a refused call answers with (see {@link RateLimitErrors}). */
    public dev.quartermaster.platform.ApiException refusal() {
        return RateLimitErrors.refusal(this);
    }

    private static void put(Map<String, String> headers, Quota quota, String limit, String remaining, String reset,
                            String resetValue) {
        if (quota == null) {
            return;
        }
        headers.put(limit, Long.toString(quota.limit()));
        headers.put(remaining, Long.toString(quota.remaining()));
        if (resetValue != null) {
            headers.put(reset, resetValue);
        }
    }

    /** As OpenAI writes a duration: "12s", "1m0s". */
    static String duration(Integer seconds) {
        if (seconds == null) {
            return null;
        }
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + seconds % 60 + "s";
    }
}
