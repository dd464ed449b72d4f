package dev.quartermaster.providers.profile;

import dev.quartermaster.providers.ProviderType;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A stored provider profile. It has a UUID and a sequential number (the two surfaces' ids); of
 * its key it holds only whether there is one and, for long keys, the last four characters.
 */
public record Profile(UUID id, long number, ProviderType provider, String model, String baseUrl, String name,
                      String description, Map<String, Object> meta, String defaultSystemPrompt, boolean hasKey,
                      String keyLastFour, boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                      int version) {

    /** What the provider surface shows in place of the key; sending it back unchanged keeps the key. */
    public String keyMask() {
        if (!hasKey) {
            return null;
        }
        return keyLastFour == null ? "****" : "****" + keyLastFour;
    }

    public ProfileValues values() {
        return new ProfileValues(provider, model, baseUrl, name, description, meta, defaultSystemPrompt);
    }
}
