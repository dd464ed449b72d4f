package dev.quartermaster.accounts;

import dev.quartermaster.providers.ProviderType;
import java.util.UUID;

/** Which key pays for a user's call to a provider, by the hierarchy BYOK > managed > not available. */
public sealed interface KeyResolution {

    ProviderType provider();

    /** The user's own key. */
    record Byok(ProviderType provider, UUID keyId) implements KeyResolution {
    }

    /** The key of an admin-configured profile for the provider, which the user's tier may use. */
    record Managed(ProviderType provider, UUID profileId) implements KeyResolution {
    }

    record NotAvailable(ProviderType provider, String reason) implements KeyResolution {
    }

    default String source() {
        return switch (this) {
            case Byok b -> "byok";
            case Managed m -> "managed";
            case NotAvailable n -> "none";
        };
    }
}
