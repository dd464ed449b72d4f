package dev.quartermaster.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One pass over the index: the total, the ids of the asked page, and per filter the counts of its
 * ids with the text and every other filter applied (so that an option shows how many models
 * choosing it adds). Filters are "any of"; an empty filter lets everything through.
 */
final class SearchTally {

    record Filters(String needle, Set<UUID> providers, Set<UUID> departments, Set<UUID> agents) {
    }

    final List<UUID> page = new ArrayList<>();
    final long[] providerCounts;
    final long[] departmentCounts;
    final long[] agentCounts;
    long total;

    private SearchTally(SearchColumns index) {
        providerCounts = index.providers.newCounts();
        departmentCounts = index.departments.newCounts();
        agentCounts = index.agents.newCounts();
    }

    static SearchTally count(SearchColumns index, Filters f, int offset, int size) {
        SearchTally tally = new SearchTally(index);
        boolean[] text = index.matching(f.needle());
        boolean[] p = index.providers.mask(f.providers());
        boolean[] d = index.departments.mask(f.departments());
        boolean[] a = index.agents.mask(f.agents());
        for (int i = 0; i < index.entries.length; i++) {
            if (text == null || text[i]) {
                boolean inP = index.providers.passes(i, p);
                boolean inD = index.departments.passes(i, d);
                boolean inA = index.agents.passes(i, a);
                tally.add(index, i, inP, inD, inA, offset, size);
            }
        }
        return tally;
    }

    private void add(SearchColumns index, int i, boolean inP, boolean inD, boolean inA, int offset, int size) {
        if (inP && inD && inA) {
            if (total >= offset && page.size() < size) {
                page.add(index.entries[i].id());
            }
            total++;
        }
        if (inD && inA) {
            index.providers.count(i, providerCounts);
        }
        if (inP && inA) {
            index.departments.count(i, departmentCounts);
        }
        if (inP && inD) {
            index.agents.count(i, agentCounts);
        }
    }
}
