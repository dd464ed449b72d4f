package dev.quartermaster.catalog;

import dev.quartermaster.catalog.SearchResult.FilterOption;
import dev.quartermaster.catalog.SearchResult.ListFilterSection;
import dev.quartermaster.catalog.SearchResult.ListModelApiModel;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.providers.ProviderProfiles;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@code search}: reads the search projection, which every write keeps current in its own transaction. */
@Service
class ModelSearch {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_OPTIONS = 100;

    /** An option of a filter before it is counted. */
    private record Named(UUID id, String name, String searchable) {
    }

    private final JdbcClient jdbc;
    private final ProviderProfiles profiles;
    private final Taxonomy taxonomy;
    private final AgentStore agents;

    ModelSearch(JdbcClient jdbc, ProviderProfiles profiles, Taxonomy taxonomy, AgentStore agents) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.taxonomy = taxonomy;
        this.agents = agents;
    }

    @Transactional(readOnly = true)
    SearchResult search(Caller caller, ArtifactRequests.Search request) {
        int size = request.pageSize() == null ? DEFAULT_PAGE_SIZE : request.pageSize();
        int offset = request.pageOffset() == null ? 0 : request.pageOffset();
        validate(request, size, offset);
        SearchQuery query = new SearchQuery(request.search(), request.filterProviderIds(),
                request.filterDepartmentIds(), request.filterAgentIds());
        List<Named> providerOptions = options(profiles.all().stream()
                .map(p -> new Named(p.id(), p.name() == null ? p.model() : p.name(),
                        p.name() + " " + p.model() + " " + p.provider())), request.providerSearch(), query.providers());
        List<Named> departmentOptions = options(taxonomy.entries(TaxonomyKind.DEPARTMENT).stream()
                .map(e -> new Named(e.id(), e.name(), e.name())), request.departmentSearch(), query.departments());
        List<Named> agentOptions = options(agents.list().stream()
                .map(a -> new Named(a.id(), a.name(), a.name())), request.agentSearch(), query.agents());
        Map<String, Long> counts = counts(query, providerOptions, departmentOptions, agentOptions);
        SearchQuery.Sql page = query.page(size, offset);
        List<ListModelApiModel> models = jdbc.sql(page.text()).params(page.params()).query(ModelSearch::row).list();
        return new SearchResult(caller.username(), models,
                section("provider", request.providerSearch(), providerOptions, query.providers(), counts),
                section("department", request.departmentSearch(), departmentOptions, query.departments(), counts),
                section("agent", request.agentSearch(), agentOptions, query.agents(), counts),
                counts.getOrDefault("total", 0L), size, offset);
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

    private Map<String, Long> counts(SearchQuery query, List<Named> providers, List<Named> departments,
                                     List<Named> agents) {
        SearchQuery.Sql sql = query.counts(ids(providers), ids(departments), ids(agents));
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql.text()).params(sql.params()).query(rs -> {
            String id = rs.getString("id");
            counts.put(id == null ? rs.getString("facet") : rs.getString("facet") + ":" + id, rs.getLong("n"));
        });
        return counts;
    }

    private static ListFilterSection section(String facet, String search, List<Named> options, List<UUID> selected,
                                             Map<String, Long> counts) {
        return new ListFilterSection(search, options.stream().map(o -> new FilterOption(o.id(), o.name(),
                counts.getOrDefault(facet + ":" + o.id(), 0L), selected.contains(o.id()))).toList());
    }

    private static List<UUID> ids(List<Named> options) {
        return options.stream().map(Named::id).toList();
    }

    private static ListModelApiModel row(ResultSet rs, int n) throws SQLException {
        return new ListModelApiModel(rs.getObject("model_id", UUID.class), rs.getString("name"),
                rs.getString("description"), rs.getString("value"), rs.getString("provider"), rs.getString("tier"),
                Arrays.asList((String[]) rs.getArray("capabilities").getArray()), (Integer) rs.getObject("context_window"),
                rs.getBoolean("active"), uuids(rs.getArray("provider_ids")), uuids(rs.getArray("department_ids")),
                uuids(rs.getArray("agent_ids")), rs.getInt("version"), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }
}
