package dev.quartermaster.gateway.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Usage totals of one group; of {@code day}, {@code model}, {@code userId}, {@code provider} and
 * {@code keySource} only the grouped one is shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageGroup(LocalDate day, String model, UUID userId, String provider,
                         String keySource, long requests, long inputTokens,
                         long outputTokens, BigDecimal spent) {
}
