package dev.quartermaster.accounts.web;

import dev.quartermaster.platform.SnakeCaseJson;
import com.fasterxml.jackson.annotation.JsonFormat;
import dev.quartermaster.accounts.byok.ByokKey;
import dev.quartermaster.accounts.preferences.BudgetView;
import java.time.OffsetDateTime;
import java.util.List;

/** The shapes of {@code /v1/ai/keys} (seed 000): provider names and state, never a key. */
@SnakeCaseJson
final class KeyViews {

    private KeyViews() {
    }
    record KeyView(String provider,
                   @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'", timezone = "UTC") OffsetDateTime createdAt,
                   Boolean valid) {

        static KeyView of(ByokKey key) {
            return new KeyView(key.provider().wireName(), key.createdAt(), key.valid());
        }
    }

    record KeyList(List<KeyView> keys) {
    }
    record Sources(List<String> hierarchy, TierInfo tier, List<ProviderSources> providers) {
    }
    record TierInfo(String name, boolean managedKeys, BudgetView budget) {
    }
    record ProviderSources(String provider, Own byok, Managed managed, String effective, String reason) {
    }
    record Own(boolean present, Boolean valid,
               @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'", timezone = "UTC") OffsetDateTime createdAt) {
    }
    record Managed(boolean available, boolean allowedByTier) {
    }
}
