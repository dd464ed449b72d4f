package dev.quartermaster.gateway.metering.rates;

import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.OpenAiError;
import java.util.List;
import java.util.Map;

/**
 * The refusals of a rate limit, in the gateway's classification (each route's error shape spells
 * them in its dialect): 429 with {@code Retry-After} while a limit is reached, OpenAI's type
 * {@code requests} or {@code tokens} and code {@code rate_limit_exceeded}; 400 when the call's
 * tokens are above a whole tokens-per-minute limit, since waiting cannot help and SDKs retry 429s.
 */
public final class RateLimitErrors {

    private RateLimitErrors() {
    }

    public static ApiException refusal(Admission admission) {
        return switch (admission.outcome()) {
            case OK -> throw new IllegalArgumentException("an admitted call is not refused");
            case REQUESTS -> limited(admission, "requests", "Rate limit reached: " + admission.requests().limit()
                    + " requests per minute");
            case TOKENS -> limited(admission, "tokens", "Rate limit reached: " + admission.tokens().limit()
                    + " tokens per minute, " + admission.tokens().remaining() + " left in this minute");
            case STREAMS -> limited(admission, "requests", "Rate limit reached: " + admission.streams().limit()
                    + " concurrent streams");
            case TOO_LARGE -> tooLarge(admission);
        };
    }

    private static ApiException limited(Admission admission, String type, String message) {
        long retry = admission.retryAfterSeconds() == null ? 1 : Math.max(1, admission.retryAfterSeconds());
        return new ApiException(new ApiProblem(429, "Too many requests", message + "; try again in " + retry + "s.")
                .withRetryAfter(retry)
                .withOpenAiError(new OpenAiError(type, null, "rate_limit_exceeded")));
    }

    private static ApiException tooLarge(Admission admission) {
        String message = "this request may use more tokens than the limit of " + admission.tokens().limit()
                + " tokens per minute; lower max_tokens";
        return new ApiException(new ApiProblem(400, "Bad request", "max_tokens: " + message,
                List.of(new FieldError("max_tokens", message)), Map.of())
                .withOpenAiError(new OpenAiError("invalid_request_error", "max_tokens", "request_exceeds_rate_limit")));
    }
}
