package dev.quartermaster.catalog.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a search reads: a large sorted base (rebuilt rarely, it costs ~100 ms at 100,000 models),
 * minus its entries changed or removed since, plus the changed entries in a small sorted overlay.
 * Once the overlay grows past {@link #MAX_OVERLAY} everything is compacted into a new base.
 */
public record SearchView(SearchColumns base, BitSet dead, SearchEntry[] overlay) {

    public static final int MAX_OVERLAY = 2000;

    public static SearchView of(SearchEntry[] sorted) {
        return new SearchView(new SearchColumns(sorted), new BitSet(), new SearchEntry[0]);
    }

    /** This view with the changed entries replaced or added and the removed ones gone. */
    public SearchView with(Map<UUID, SearchEntry> changed, Set<UUID> removed) {
        Set<UUID> gone = new HashSet<>(removed);
        gone.addAll(changed.keySet());
        BitSet nowDead = (BitSet) dead.clone();
        for (UUID id : gone) {
            Integer position = base.position(id);
            if (position != null) {
                nowDead.set(position);
            }
        }
        List<SearchEntry> over = new ArrayList<>(Arrays.stream(overlay).filter(e -> !gone.contains(e.id())).toList());
        over.addAll(changed.values());
        SearchEntry[] sorted = over.toArray(SearchEntry[]::new);
        Arrays.sort(sorted, SearchEntry.ORDER);
        SearchView next = new SearchView(base, nowDead, sorted);
        return sorted.length > MAX_OVERLAY ? of(next.live()) : next;
    }

    /** Every live entry in order: the base's that are not dead merged with the overlay. */
    public SearchEntry[] live() {
        SearchEntry[] merged = new SearchEntry[base.entries.length - dead.cardinality() + overlay.length];
        int i = 0;
        int j = 0;
        for (int k = 0; k < merged.length; k++) {
            while (i < base.entries.length && dead.get(i)) {
                i++;
            }
            boolean fromBase = j >= overlay.length
                    || (i < base.entries.length && SearchEntry.ORDER.compare(base.entries[i], overlay[j]) <= 0);
            merged[k] = fromBase ? base.entries[i++] : overlay[j++];
        }
        return merged;
    }
}
