package dev.quartermaster.gateway.usage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What an admin narrows usage to; a null field does not filter. {@code from} and {@code to} are UTC
 * days, both included.
 */
public record UsageFilter(UUID user, String model, String provider, String keySource, LocalDate from, LocalDate to) {

    public static final Set<String> KEY_SOURCES = Set.of("byok", "managed");
    public static final UsageFilter NONE = new UsageFilter(null, null, null, null, null, null);

    public UsageFilter {
        if (keySource != null && !KEY_SOURCES.contains(keySource)) {
            throw new IllegalArgumentException("key source " + keySource);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from after to");
        }
    }

    public UsageFilter forUser(UUID userId) {
        return new UsageFilter(Objects.requireNonNull(userId), model, provider, keySource, from, to);
    }
}
