package dev.quartermaster.providers.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quartermaster.providers.profile.Profile;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A profile on the provider surface. {@code apiKey} is a mask ({@code ****} and at most the last
 * four characters); sending it back unchanged keeps the stored key.
 */
record ProviderProfileView(UUID id, long settingsId, String name, String provider, String apiBaseUrl,
                           String resolvedApiBaseUrl, String modelName, String defaultSystemPrompt,
                           @JsonProperty("isActive") boolean isActive, boolean hasApiKey, String apiKey,
                           String apiKeyLastFour, String description, Map<String, Object> meta,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {

    static ProviderProfileView of(Profile p, String resolvedBaseUrl) {
        return new ProviderProfileView(p.id(), p.number(), p.name(), p.provider().wireName(), p.baseUrl(),
                resolvedBaseUrl, p.model(), p.defaultSystemPrompt(), p.active(), p.hasKey(), p.keyMask(),
                p.keyLastFour(), p.description(), p.meta(), p.createdAt(), p.updatedAt(), p.version());
    }
}
