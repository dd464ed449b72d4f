package dev.quartermaster.accounts.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.quartermaster.accounts.byok.ByokKey;
import dev.quartermaster.accounts.preferences.BudgetView;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The shapes of {@code /v1/ai/keys} (seed 000): provider names and state, never a key. */
final class KeyViews {

    private KeyViews() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyView(String provider,
                   @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'", timezone = "UTC") OffsetDateTime createdAt,
                   Boolean valid) {

        static KeyView of(ByokKey key) {
            return new KeyView(key.provider().wireName(), key.createdAt(), key.valid());
        }
    }

    record KeyList(List<KeyView> keys) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Sources(List<String> hierarchy, TierInfo tier, List<ProviderSources> providers) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TierInfo(String name, boolean managedKeys, BudgetView budget) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProviderSources(String provider, Own byok, Managed managed, String effective, String reason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Own(boolean present, Boolean valid,
               @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'", timezone = "UTC") OffsetDateTime createdAt) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Managed(boolean available, boolean allowedByTier) {
    }
}
