package dev.quartermaster.gateway.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One ledger row, one upstream attempt: metadata only (the ledger holds no prompt, answer or key). */
public record LedgerEntry(long id, String requestId, int attempt, Instant createdAt, UUID userId, UUID apiKeyId,
                          String model, String provider, UUID profileId, String keySource, Long inputTokens,
                          Long cachedInputTokens, Long cacheWriteTokens, Long outputTokens, Long reasoningTokens,
                          UUID pricingEntryId, Integer pricingVersion, BigDecimal cost, int status, Integer latencyMs,
                          Integer ttftMs, boolean streamed, boolean estimated, boolean usageUnknown) {
}
