package dev.quartermaster.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A catalog model as other modules see it: {@code value} is the id clients pass as {@code model}. */
public record CatalogModel(UUID id, String value, String name, String provider, List<String> capabilities,
                           String tier, boolean active, Instant createdAt) {

    public CatalogModel {
        capabilities = List.copyOf(capabilities);
    }
}
