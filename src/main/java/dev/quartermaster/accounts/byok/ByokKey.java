package dev.quartermaster.accounts.byok;

import dev.quartermaster.providers.ProviderType;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's own key for one provider: whether it was proven to work ({@code valid}, null if never checked). */
public record ByokKey(UUID id, UUID userId, ProviderType provider, Boolean valid, String lastFour, OffsetDateTime createdAt) {

    /** Usable unless a check found it bad. */
    public boolean usable() {
        return !Boolean.FALSE.equals(valid);
    }
}
