package dev.quartermaster.catalog.search;

import dev.quartermaster.catalog.ArtifactRequests;
import dev.quartermaster.catalog.SearchResult.FilterOption;
import dev.quartermaster.catalog.SearchResult.ListFilterSection;
import dev.quartermaster.catalog.SearchResult.ListModelApiModel;
import dev.quartermaster.catalog.SearchResult;
import dev.quartermaster.catalog.taxonomy.AgentStore;
import dev.quartermaster.catalog.taxonomy.Taxonomy;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.providers.ProviderProfiles;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * {@code search}: text, filters, counts and the page from the in-memory {@link SearchIndex} (current
 * as of the request), then the page's rows from the projection.
 */
@Service
public class ModelSearch {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_OPTIONS = 100;

    /** An option of a filter before it is counted. */
    private record Named(UUID id, String name, String searchable) {
    }

    private final SearchStore store;
    private final SearchIndex index;
    private final ProviderProfiles profiles;
    private final Taxonomy taxonomy;
    private final AgentStore agents;

    ModelSearch(SearchStore store, SearchIndex index, ProviderProfiles profiles, Taxonomy taxonomy, AgentStore agents) {
        this.store = store;
        this.index = index;
        this.profiles = profiles;
        this.taxonomy = taxonomy;
        this.agents = agents;
    }

    public SearchResult search(Caller caller, ArtifactRequests.Search request) {
        int size = request.pageSize() == null ? DEFAULT_PAGE_SIZE : request.pageSize();
        int offset = request.pageOffset() == null ? 0 : request.pageOffset();
        validate(request, size, offset);
        SearchTally tally = SearchTally.count(index.current(), new SearchTally.Filters(SearchEntry.needle(request.search()),
                Set.copyOf(request.filterProviderIds()), Set.copyOf(request.filterDepartmentIds()),
                Set.copyOf(request.filterAgentIds())), offset, size);
        return new SearchResult(caller.username(), rows(tally.page),
                section(request.providerSearch(), providerOptions(request), request.filterProviderIds(),
                        tally::providers),
                section(request.departmentSearch(), departmentOptions(request), request.filterDepartmentIds(),
                        tally::departments),
                section(request.agentSearch(), agentOptions(request), request.filterAgentIds(),
                        tally::agents),
                tally.total, size, offset);
    }

    /** Profiles are found by name, model and provider type. */
    private List<Named> providerOptions(ArtifactRequests.Search request) {
        return options(profiles.all().stream().map(p -> new Named(p.id(), p.name() == null ? p.model() : p.name(),
                p.name() + " " + p.model() + " " + p.provider())), request.providerSearch(), request.filterProviderIds());
    }

    private List<Named> departmentOptions(ArtifactRequests.Search request) {
        return options(taxonomy.entries(TaxonomyKind.DEPARTMENT).stream().map(e -> new Named(e.id(), e.name(), e.name())),
                request.departmentSearch(), request.filterDepartmentIds());
    }

    private List<Named> agentOptions(ArtifactRequests.Search request) {
        return options(agents.names().stream().map(a -> new Named(a.id(), a.name(), a.name())),
                request.agentSearch(), request.filterAgentIds());
    }

    private static void validate(ArtifactRequests.Search request, int size, int offset) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalid("page_size", "must be from 1 to " + MAX_PAGE_SIZE);
        }
        if (offset < 0) {
            throw ApiException.invalid("page_offset", "must be 0 or more");
        }
        if (request.search() != null && request.search().length() > 200) {
            throw ApiException.invalid("search", "must be at most 200 characters");
        }
        if (Stream.of(request.filterProviderIds(), request.filterDepartmentIds(), request.filterAgentIds())
                .anyMatch(ids -> ids.size() > MAX_OPTIONS)) {
            throw ApiException.invalid("filter_*_ids", "at most " + MAX_OPTIONS + " ids per filter");
        }
    }

    /** Options whose text contains {@code search} (any case), by name, at most 100; the selected always. */
    private static List<Named> options(Stream<Named> all, String search, List<UUID> selected) {
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<Named> sorted = all.sorted(java.util.Comparator.comparing((Named n) -> String.valueOf(n.name())
                .toLowerCase(Locale.ROOT)).thenComparing(Named::id)).toList();
        List<Named> matching = sorted.stream()
                .filter(n -> String.valueOf(n.searchable()).toLowerCase(Locale.ROOT).contains(needle))
                .limit(MAX_OPTIONS).toList();
        return Stream.concat(matching.stream(), sorted.stream()
                        .filter(n -> selected.contains(n.id()) && !matching.contains(n)))
                .toList();
    }

    /** The page's rows as the projection has them now, in the index's order. */
    private List<ListModelApiModel> rows(List<UUID> ids) {
        Map<UUID, ListModelApiModel> byId = new HashMap<>();
        store.rows(ids).forEach(row -> byId.put(row.modelId(), row));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static ListFilterSection section(String search, List<Named> options, List<UUID> selected,
                                             java.util.function.ToLongFunction<UUID> count) {
        return new ListFilterSection(search, options.stream().map(o -> new FilterOption(o.id(), o.name(),
                count.applyAsLong(o.id()), selected.contains(o.id()))).toList());
    }
}
