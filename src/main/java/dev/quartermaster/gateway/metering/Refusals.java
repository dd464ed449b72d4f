package dev.quartermaster.gateway.metering;

import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.OpenAiError;
import dev.quartermaster.platform.Usd;
import java.math.BigDecimal;
import java.time.Duration;

/** What a refused reservation answers: its status, code and a message naming the limit and the amount. */
final class Refusals {

    private Refusals() {
    }

    /** Nothing for "ok"; else the refusal of that outcome, in the route's dialect (the responder renders it). */
    static void refuseUnlessOk(MeterStore.Reserved reserved, Duration inFlightRetryAfter) {
        String amount = usd(reserved.amountNano());
        switch (reserved.outcome()) {
            case "ok" -> { }
            case "no_price" -> throw refusal(403, "Forbidden", "permission_error", "model_not_priced",
                    "the model has no USD price, so a managed key cannot pay for it; an admin must give it a pricing entry");
            case "request_exceeds_budget" -> throw refusal(400, "Bad request", "invalid_request_error",
                    "request_exceeds_budget", "this request may cost up to " + amount + " USD, more than the whole "
                            + limit(reserved) + "; lower max_tokens (or the input)");
            case "budget_exceeded" -> throw refusal(402, "Payment required", "insufficient_quota", "budget_exceeded",
                    "the " + limit(reserved) + " is spent: this request may cost up to " + amount + " USD");
            case "in_flight" -> throw new ApiException(new ApiProblem(429, "Too many requests",
                    "calls in flight hold the rest of the " + limit(reserved) + "; retry when they finish")
                    .withRetryAfter(Math.max(1, inFlightRetryAfter.toSeconds()))
                    .withOpenAiError(new OpenAiError("rate_limit_error", null, "budget_in_flight")));
            default -> throw new IllegalStateException("unknown reservation outcome " + reserved.outcome());
        }
    }

    private static String limit(MeterStore.Reserved reserved) {
        String period = "day".equals(reserved.period()) ? "daily" : "monthly";
        return period + " limit of " + usd(reserved.limitNano()) + " USD";
    }

    /** For messages: at least cents ({@code 0.05}, {@code 1.00}), else every digit. */
    static String usd(Long nano) {
        if (nano == null) {
            return "?";
        }
        BigDecimal usd = Usd.ofNano(nano);
        return (usd.scale() < 2 ? usd.setScale(2) : usd).toPlainString();
    }

    private static ApiException refusal(int status, String title, String type, String code, String detail) {
        return new ApiException(new ApiProblem(status, title, detail).withOpenAiError(new OpenAiError(type, null, code)));
    }
}
