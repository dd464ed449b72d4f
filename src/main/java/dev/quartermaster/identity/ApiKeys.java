package dev.quartermaster.identity;

import dev.quartermaster.identity.administration.IdentityRequests;
import dev.quartermaster.identity.administration.UserAdmin;
import dev.quartermaster.identity.store.ApiKeyView;
import dev.quartermaster.identity.store.UserStore;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Text;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * API keys of a user, for a surface other than the admin API (the web console), under the same
 * rules: a key's name as the API requires it, the caller may only manage users their containment
 * allows, a new key is shown once. The caller's permission is the surface's to check.
 */
@Service
public class ApiKeys {

    /** A key as listed: its prefix identifies it; the key itself is never kept. */
    public record Key(UUID id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                      OffsetDateTime revokedAt) {
    }

    /** A key just made: {@code secret} is the only time the key is seen. */
    public record Created(Key key, String secret) {

        @Override
        public String toString() {
            return "Created[" + key.prefix() + "…]";
        }
    }

    private final UserAdmin admin;
    private final UserStore users;

    ApiKeys(UserAdmin admin, UserStore users) {
        this.admin = admin;
        this.users = users;
    }

    public Optional<UUID> userIdOf(String username) {
        return username == null || username.isBlank() ? Optional.empty() : users.idOf(username.strip());
    }

    /** Users' names, for a page that shows users by id (the usage totals); a deleted user has none. */
    public Map<UUID, String> usernamesOf(Collection<UUID> userIds) {
        return users.usernames(userIds);
    }

    public List<Key> of(UUID userId) {
        return admin.keys(userId).stream().map(ApiKeys::key).toList();
    }

    public Created create(UUID userId, String name, Caller caller) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw ApiException.invalid("name", Text.REQUIRED);
        }
        if (trimmed.length() > IdentityRequests.KEY_NAME) {
            throw ApiException.invalid("name", Text.atMost(IdentityRequests.KEY_NAME));
        }
        ApiKeyView created = admin.createKey(userId, trimmed, caller);
        return new Created(key(created), created.key());
    }

    public Key revoke(UUID userId, UUID keyId, Caller caller) {
        return key(admin.revokeKey(userId, keyId, caller));
    }

    private static Key key(ApiKeyView v) {
        return new Key(v.id(), v.name(), v.prefix(), v.createdAt(), v.lastUsedAt(), v.revokedAt());
    }
}
