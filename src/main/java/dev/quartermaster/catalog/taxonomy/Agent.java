package dev.quartermaster.catalog.taxonomy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A consumer of catalog models (an assistant, a pipeline); what search's {@code filter_agent_ids} names. */
public record Agent(UUID id, String name, String description, List<UUID> modelIds, OffsetDateTime createdAt,
             OffsetDateTime updatedAt, int version) {

    public Agent {
        modelIds = List.copyOf(modelIds);
    }
}
