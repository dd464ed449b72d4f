package dev.quartermaster.catalog.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The index in the shape a search scans fast: the entries in result order, all their documents in
 * one string (one {@code indexOf} sweep finds every match), and the three filter facets.
 */
final class SearchColumns {

    /** Between two documents; never in a search text, so no match spans two models. */
    private static final char BETWEEN = '\u001e';

    final SearchEntry[] entries;
    final SearchFacet providers;
    final SearchFacet departments;
    final SearchFacet agents;
    private final String corpus;
    private final int[] starts;
    private final Map<UUID, Integer> positions = new HashMap<>();

    SearchColumns(SearchEntry[] sorted) {
        this.entries = sorted;
        for (int i = 0; i < sorted.length; i++) {
            positions.put(sorted[i].id(), i);
        }
        this.starts = new int[sorted.length + 1];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sorted.length; i++) {
            starts[i] = text.length();
            text.append(sorted[i].document()).append(BETWEEN);
        }
        starts[sorted.length] = text.length();
        this.corpus = text.toString();
        this.providers = SearchFacet.of(sorted, SearchEntry::providerIds);
        this.departments = SearchFacet.of(sorted, SearchEntry::departmentIds);
        this.agents = SearchFacet.of(sorted, SearchEntry::agentIds);
    }

    /** Where the entry of this model is, or null. */
    Integer position(UUID id) {
        return positions.get(id);
    }

    /** Which entries contain the needle ({@link SearchEntry#needle}); null when it is empty: all match. */
    boolean[] matching(String needle) {
        if (needle.isEmpty()) {
            return null;
        }
        boolean[] hits = new boolean[entries.length];
        int from = 0;
        while (true) {
            int at = corpus.indexOf(needle, from);
            if (at < 0) {
                return hits;
            }
            int entry = Arrays.binarySearch(starts, at);
            entry = entry >= 0 ? entry : -entry - 2;
            hits[entry] = true;
            from = starts[entry + 1];
        }
    }
}
