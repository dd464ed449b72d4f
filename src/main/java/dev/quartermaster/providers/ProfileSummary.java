package dev.quartermaster.providers;

import java.util.UUID;

/**
 * A provider profile as other modules see it: never its key, only whether it has one.
 * {@code baseUrl} is as configured (null for the provider's default, see
 * {@link ProviderProbe#baseUrl}); {@code defaultSystemPrompt} goes with every call through it.
 */
public record ProfileSummary(UUID id, long number, String name, ProviderType provider, String model,
                             boolean active, boolean hasKey, String baseUrl, String defaultSystemPrompt) {

    public ProfileSummary(UUID id, long number, String name, ProviderType provider, String model,
                          boolean active, boolean hasKey) {
        this(id, number, name, provider, model, active, hasKey, null, null);
    }
}
