package dev.quartermaster.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A catalog model as other modules see it: {@code value} is the id clients pass as {@code model};
 * {@code providerIds} are the provider profiles that serve it, in their order; {@code contextWindow}
 * is null when unknown.
 */
public record CatalogModel(UUID id, String value, String name, String provider, List<String> capabilities,
                           String tier, boolean active, Instant createdAt, List<UUID> providerIds,
                           Integer contextWindow) {

    public CatalogModel {
        capabilities = List.copyOf(capabilities);
        providerIds = List.copyOf(providerIds);
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability.wireName());
    }
}
