package dev.quartermaster.catalog.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One filterable id list of every index entry in flat arrays (entry i has codes[start[i]..start[i+1]))
 * with the ids coded as small ints, so that filtering and counting 100,000 entries reads a few
 * contiguous arrays instead of chasing 100,000 lists.
 */
final class SearchFacet {

    private final Map<UUID, Integer> codeOf = new HashMap<>();
    private final int[] start;
    private final int[] codes;

    private SearchFacet(SearchEntry[] entries, Function<SearchEntry, List<UUID>> ids) {
        start = new int[entries.length + 1];
        int total = 0;
        for (int i = 0; i < entries.length; i++) {
            start[i] = total;
            total += ids.apply(entries[i]).size();
        }
        start[entries.length] = total;
        codes = new int[total];
        int k = 0;
        for (SearchEntry entry : entries) {
            for (UUID id : ids.apply(entry)) {
                codes[k++] = codeOf.computeIfAbsent(id, x -> codeOf.size());
            }
        }
    }

    static SearchFacet of(SearchEntry[] entries, Function<SearchEntry, List<UUID>> ids) {
        return new SearchFacet(entries, ids);
    }

    /** Which codes the filter names; null for no filter (everything passes). */
    boolean[] mask(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        boolean[] mask = new boolean[codeOf.size()];
        ids.stream().map(codeOf::get).filter(c -> c != null).forEach(c -> mask[c] = true);
        return mask;
    }

    boolean passes(int entry, boolean[] mask) {
        if (mask == null) {
            return true;
        }
        for (int k = start[entry]; k < start[entry + 1]; k++) {
            if (mask[codes[k]]) {
                return true;
            }
        }
        return false;
    }

    void count(int entry, long[] counts) {
        for (int k = start[entry]; k < start[entry + 1]; k++) {
            counts[codes[k]]++;
        }
    }

    long[] newCounts() {
        return new long[codeOf.size()];
    }

    long countOf(UUID id, long[] counts) {
        Integer code = codeOf.get(id);
        return code == null ? 0 : counts[code];
    }
}
