package dev.quartermaster.providers;

import java.util.UUID;

/** A provider profile as other modules see it: never its key, only whether it has one. */
public record ProfileSummary(UUID id, long number, String name, ProviderType provider, String model,
                             boolean active, boolean hasKey) {
}
