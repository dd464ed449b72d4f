package dev.quartermaster.identity.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A group: its members inherit its permissions. */
public record GroupView(UUID id, String name, String description, List<String> permissions, List<UUID> memberIds,
                 OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
