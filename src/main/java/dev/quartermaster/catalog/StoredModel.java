package dev.quartermaster.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A model as stored: its fields and its row's bookkeeping. */
record StoredModel(UUID id, ModelFields fields, boolean sample, int version, OffsetDateTime createdAt,
                   OffsetDateTime updatedAt) {
}
