package dev.quartermaster.identity;

import java.time.OffsetDateTime;

/** A plan tier. Tiers are ordered by rank; {@code managedKeys} lets its users use admin-configured provider keys. */
public record Tier(String name, int rank, String description, boolean managedKeys,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
