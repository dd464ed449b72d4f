package dev.quartermaster.catalog.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One pass over a {@link SearchView}: the total, the ids of the asked page, and per filter the
 * counts of its ids with the text and every other filter applied (so that an option shows how many
 * models choosing it adds). Filters are "any of"; an empty filter lets everything through.
 */
public final class SearchTally {

    public record Filters(String needle, Set<UUID> providers, Set<UUID> departments, Set<UUID> agents) {
    }

    public final List<UUID> page = new ArrayList<>();
    public long total;
    private final SearchColumns base;
    private final long[] providerCounts;
    private final long[] departmentCounts;
    private final long[] agentCounts;
    private final Map<UUID, Long> overlayProviders = new HashMap<>();
    private final Map<UUID, Long> overlayDepartments = new HashMap<>();
    private final Map<UUID, Long> overlayAgents = new HashMap<>();
    private final int offset;
    private final int size;

    private SearchTally(SearchColumns base, int offset, int size) {
        this.base = base;
        this.providerCounts = base.providers.newCounts();
        this.departmentCounts = base.departments.newCounts();
        this.agentCounts = base.agents.newCounts();
        this.offset = offset;
        this.size = size;
    }

    public static SearchTally count(SearchView view, Filters f, int offset, int size) {
        SearchTally tally = new SearchTally(view.base(), offset, size);
        List<SearchEntry> overlayResults = tally.countOverlay(view.overlay(), f);
        tally.countBase(view.dead(), f, overlayResults);
        return tally;
    }

    public long providers(UUID id) {
        return base.providers.countOf(id, providerCounts) + overlayProviders.getOrDefault(id, 0L);
    }

    public long departments(UUID id) {
        return base.departments.countOf(id, departmentCounts) + overlayDepartments.getOrDefault(id, 0L);
    }

    public long agents(UUID id) {
        return base.agents.countOf(id, agentCounts) + overlayAgents.getOrDefault(id, 0L);
    }

    /** The base in order, with the overlay's results merged in where they sort. */
    private void countBase(BitSet dead, Filters f, List<SearchEntry> overlayResults) {
        boolean[] text = base.matching(f.needle());
        boolean[] p = base.providers.mask(f.providers());
        boolean[] d = base.departments.mask(f.departments());
        boolean[] a = base.agents.mask(f.agents());
        int next = 0;
        for (int i = 0; i < base.entries.length; i++) {
            if (dead.get(i) || (text != null && !text[i])) {
                continue;
            }
            boolean inP = base.providers.passes(i, p);
            boolean inD = base.departments.passes(i, d);
            boolean inA = base.agents.passes(i, a);
            if (inP && inD && inA) {
                while (next < overlayResults.size()
                        && SearchEntry.ORDER.compare(overlayResults.get(next), base.entries[i]) < 0) {
                    result(overlayResults.get(next++).id());
                }
                result(base.entries[i].id());
            }
            countFacets(i, inP, inD, inA);
        }
        overlayResults.subList(next, overlayResults.size()).forEach(e -> result(e.id()));
    }

    private void countFacets(int i, boolean inP, boolean inD, boolean inA) {
        if (inD && inA) {
            base.providers.count(i, providerCounts);
        }
        if (inP && inA) {
            base.departments.count(i, departmentCounts);
        }
        if (inP && inD) {
            base.agents.count(i, agentCounts);
        }
    }

    /** Counts the overlay's facets; returns its entries that pass every filter, in order. */
    private List<SearchEntry> countOverlay(SearchEntry[] overlay, Filters f) {
        List<SearchEntry> results = new ArrayList<>();
        for (SearchEntry e : overlay) {
            if (!f.needle().isEmpty() && !e.document().contains(f.needle())) {
                continue;
            }
            boolean inP = anyOf(e.providerIds(), f.providers());
            boolean inD = anyOf(e.departmentIds(), f.departments());
            boolean inA = anyOf(e.agentIds(), f.agents());
            if (inP && inD && inA) {
                results.add(e);
            }
            increment(inD && inA, overlayProviders, e.providerIds());
            increment(inP && inA, overlayDepartments, e.departmentIds());
            increment(inP && inD, overlayAgents, e.agentIds());
        }
        return results;
    }

    private void result(UUID id) {
        if (total >= offset && page.size() < size) {
            page.add(id);
        }
        total++;
    }

    private static void increment(boolean applies, Map<UUID, Long> counts, List<UUID> ids) {
        if (applies) {
            ids.forEach(id -> counts.merge(id, 1L, Long::sum));
        }
    }

    private static boolean anyOf(List<UUID> ids, Set<UUID> filter) {
        return filter.isEmpty() || ids.stream().anyMatch(filter::contains);
    }
}
