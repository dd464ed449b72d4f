package dev.quartermaster.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answer of {@code search}: a page of models, the filter sections with counts, and the total. */
public record SearchResult(@JsonProperty("actor_name") String actorName,
                    List<ListModelApiModel> models,
                    @JsonProperty("provider_filter") ListFilterSection providerFilter,
                    @JsonProperty("department_filter") ListFilterSection departmentFilter,
                    @JsonProperty("agent_filter") ListFilterSection agentFilter,
                    @JsonProperty("total_count") long totalCount,
                    @JsonProperty("page_size") int pageSize,
                    @JsonProperty("page_offset") int pageOffset) {

    /** One model of the page. */
    public record ListModelApiModel(@JsonProperty("model_id") UUID modelId, String name, String description, String value,
                             String provider, String tier, List<String> capabilities,
                             @JsonProperty("context_window") Integer contextWindow, boolean active,
                             @JsonProperty("provider_ids") List<UUID> providerIds,
                             @JsonProperty("department_ids") List<UUID> departmentIds,
                             @JsonProperty("agent_ids") List<UUID> agentIds, int version,
                             @JsonProperty("updated_at") OffsetDateTime updatedAt) {
    }

    /**
     * A filter's options (narrowed by its {@code *_search}, at most 100, the selected always
     * included); {@code count} is how many models match with every other filter and the text applied.
     */
    public record ListFilterSection(String search, List<FilterOption> options) {
    }

    public record FilterOption(UUID id, String name, long count, boolean selected) {
    }
}
