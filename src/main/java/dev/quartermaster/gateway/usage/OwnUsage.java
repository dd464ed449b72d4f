package dev.quartermaster.gateway.usage;

import dev.quartermaster.platform.SnakeCaseJson;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /v1/ai/usage}: the caller's current UTC day and month (settled spend, what calls in
 * flight have reserved, the effective limit or null) and this month's usage per model, in USD.
 */
@SnakeCaseJson
public record OwnUsage(String currency, Window day, Window month, List<ModelUsage> byModel) {

    public OwnUsage {
        byModel = List.copyOf(byModel);
    }

    public record Window(BigDecimal spent, BigDecimal reserved, BigDecimal limit) {
    }

    public record ModelUsage(String model, long requests, long inputTokens, long outputTokens, BigDecimal spent) {
    }
}
