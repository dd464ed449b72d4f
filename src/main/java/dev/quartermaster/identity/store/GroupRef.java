package dev.quartermaster.identity.store;

import java.util.UUID;

/** A group as other records mention it. */
public record GroupRef(UUID id, String name) {
}
