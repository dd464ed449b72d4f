package dev.quartermaster.providers.profile;

import dev.quartermaster.providers.ProviderType;
import java.util.Map;

/** The configuration of a profile, validated by {@link ProfileRules}; the key travels separately. */
public record ProfileValues(ProviderType provider, String model, String baseUrl, String name, String description,
                            Map<String, Object> meta, String defaultSystemPrompt) {

    public ProfileValues {
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
    }
}
