package dev.quartermaster.identity.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An API key as listed: its prefix identifies it; {@code key} is present only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(UUID id, UUID userId, String name, String prefix, String key, OffsetDateTime createdAt,
                  OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

    public ApiKeyView withKey(String clear) {
        return new ApiKeyView(id, userId, name, prefix, clear, createdAt, lastUsedAt, revokedAt);
    }

    @Override
    public String toString() {
        return "ApiKeyView[" + id + ", " + prefix + "…]";
    }
}
