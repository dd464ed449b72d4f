package dev.quartermaster.identity;

import dev.quartermaster.platform.ApiException;
import java.util.Set;
import java.util.UUID;

/** Who made the request: the user behind the credential, with their tier, permissions and groups. */
public record Caller(UUID userId, String username, String tier, Set<String> permissions, Set<UUID> groupIds) {

    public Caller {
        permissions = Set.copyOf(permissions);
        groupIds = Set.copyOf(groupIds);
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    public void require(String permission) {
        if (!can(permission)) {
            throw ApiException.forbidden("this needs the permission " + permission);
        }
    }
}
