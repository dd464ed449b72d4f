package dev.quartermaster.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A consumer of catalog models (an assistant, a pipeline); what search's {@code filter_agent_ids} names. */
record Agent(UUID id, String name, String description, List<UUID> modelIds, OffsetDateTime createdAt,
             OffsetDateTime updatedAt, int version) {

    Agent {
        modelIds = List.copyOf(modelIds);
    }
}
