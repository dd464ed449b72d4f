package dev.quartermaster.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answer of {@code search}: a page of models, the filter sections with counts, and the total. */
public record SearchResult(String actorName,
                    List<ListModelApiModel> models,
                    ListFilterSection providerFilter,
                    ListFilterSection departmentFilter,
                    ListFilterSection agentFilter,
                    long totalCount,
                    int pageSize,
                    int pageOffset) {

    /** One model of the page. */
    public record ListModelApiModel(UUID modelId, String name, String description, String value,
                             String provider, String tier, List<String> capabilities,
                             Integer contextWindow, boolean active,
                             List<UUID> providerIds,
                             List<UUID> departmentIds,
                             List<UUID> agentIds, int version,
                             OffsetDateTime updatedAt) {
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
