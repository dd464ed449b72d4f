package dev.quartermaster.identity.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A user as the admin API shows it; the password hash never leaves the store. */
public record UserView(UUID id, String username, String displayName, String tier, List<String> permissions,
                List<GroupRef> groups, boolean hasPassword, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
