package dev.quartermaster.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One pass over the index: the total, the ids of the asked page, and for each filter the counts of
 * its listed options with the text and every other filter applied (so that choosing an option shows
 * how many models it adds). Filters are "any of"; an empty filter lets everything through.
 */
final class SearchTally {

    final List<UUID> page = new ArrayList<>();
    final Map<UUID, Long> providerCounts = new HashMap<>();
    final Map<UUID, Long> departmentCounts = new HashMap<>();
    final Map<UUID, Long> agentCounts = new HashMap<>();
    long total;

    private SearchTally() {
    }

    record Filters(String needle, Set<UUID> providers, Set<UUID> departments, Set<UUID> agents) {
    }

    static SearchTally count(SearchEntry[] entries, Filters f, int offset, int size, List<UUID> providerOptions,
                             List<UUID> departmentOptions, List<UUID> agentOptions) {
        SearchTally tally = new SearchTally();
        providerOptions.forEach(id -> tally.providerCounts.put(id, 0L));
        departmentOptions.forEach(id -> tally.departmentCounts.put(id, 0L));
        agentOptions.forEach(id -> tally.agentCounts.put(id, 0L));
        for (SearchEntry e : entries) {
            if (e.matches(f.needle())) {
                tally.add(e, anyOf(e.providerIds(), f.providers()), anyOf(e.departmentIds(), f.departments()),
                        anyOf(e.agentIds(), f.agents()), offset, size);
            }
        }
        return tally;
    }

    private void add(SearchEntry e, boolean inP, boolean inD, boolean inA, int offset, int size) {
        if (inP && inD && inA) {
            if (total >= offset && page.size() < size) {
                page.add(e.id());
            }
            total++;
        }
        if (inD && inA) {
            increment(providerCounts, e.providerIds());
        }
        if (inP && inA) {
            increment(departmentCounts, e.departmentIds());
        }
        if (inP && inD) {
            increment(agentCounts, e.agentIds());
        }
    }

    private static boolean anyOf(List<UUID> ids, Set<UUID> filter) {
        if (filter.isEmpty()) {
            return true;
        }
        for (UUID id : ids) {
            if (filter.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static void increment(Map<UUID, Long> counts, List<UUID> ids) {
        for (UUID id : ids) {
            counts.computeIfPresent(id, (k, n) -> n + 1);
        }
    }
}
