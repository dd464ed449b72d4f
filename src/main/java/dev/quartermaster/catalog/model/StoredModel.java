package dev.quartermaster.catalog.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A model as stored: its fields and its row's bookkeeping. */
public record StoredModel(UUID id, ModelFields fields, boolean sample, int version, OffsetDateTime createdAt,
                   OffsetDateTime updatedAt) {
}
