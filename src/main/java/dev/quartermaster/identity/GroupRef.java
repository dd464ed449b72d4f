package dev.quartermaster.identity;

import java.util.UUID;

/** A group as other records mention it. */
public record GroupRef(UUID id, String name) {
}
