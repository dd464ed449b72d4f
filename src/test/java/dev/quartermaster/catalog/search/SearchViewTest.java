package dev.quartermaster.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An index changed step by step (base, dead entries, overlay) answers every search exactly as an
 * index built afresh from the same models does: same total, page, order and counts.
 */
class SearchViewTest {

    private static final List<UUID> PROFILES = ids(5);
    private static final List<UUID> DEPARTMENTS = ids(4);
    private static final List<UUID> AGENTS = ids(3);
    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "omega"};

    private final Random random = new Random(7);

    @Test
    void anIncrementallyChangedViewAnswersLikeAFreshOne() {
        Map<UUID, SearchEntry> models = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            SearchEntry e = entry(UUID.randomUUID());
            models.put(e.id(), e);
        }
        SearchView view = SearchView.of(sorted(models));
        for (int round = 0; round < 40; round++) {
            Map<UUID, SearchEntry> changed = new HashMap<>();
            Set<UUID> removed = new HashSet<>();
            List<UUID> existing = new ArrayList<>(models.keySet());
            for (int k = 0; k < 5; k++) {
                UUID victim = existing.get(random.nextInt(existing.size()));
                switch (random.nextInt(3)) {
                    case 0 -> changed.put(victim, entry(victim));
                    case 1 -> removed.add(victim);
                    default -> {
                        SearchEntry added = entry(UUID.randomUUID());
                        changed.put(added.id(), added);
                    }
                }
            }
            removed.removeAll(changed.keySet());
            models.keySet().removeAll(removed);
            models.putAll(changed);
            view = view.with(changed, removed);

            SearchView fresh = SearchView.of(sorted(models));
            assertThat(Arrays.asList(view.live())).isEqualTo(Arrays.asList(fresh.live()));
            for (int q = 0; q < 10; q++) {
                assertSameAnswers(view, fresh, filters(), random.nextInt(40), 1 + random.nextInt(30));
            }
        }
    }

    @Test
    void aLargeOverlayIsCompactedIntoANewBase() {
        Map<UUID, SearchEntry> changed = new HashMap<>();
        for (int i = 0; i <= SearchView.MAX_OVERLAY; i++) {
            SearchEntry e = entry(UUID.randomUUID());
            changed.put(e.id(), e);
        }

        SearchView view = SearchView.of(new SearchEntry[0]).with(changed, Set.of());

        assertThat(view.overlay()).isEmpty();
        assertThat(view.base().entries).hasSize(changed.size());
    }

    private static void assertSameAnswers(SearchView a, SearchView b, SearchTally.Filters f, int offset, int size) {
        SearchTally x = SearchTally.count(a, f, offset, size);
        SearchTally y = SearchTally.count(b, f, offset, size);
        assertThat(x.total).as(f.toString()).isEqualTo(y.total);
        assertThat(x.page).as(f.toString()).isEqualTo(y.page);
        PROFILES.forEach(id -> assertThat(x.providers(id)).isEqualTo(y.providers(id)));
        DEPARTMENTS.forEach(id -> assertThat(x.departments(id)).isEqualTo(y.departments(id)));
        AGENTS.forEach(id -> assertThat(x.agents(id)).isEqualTo(y.agents(id)));
    }

    private SearchTally.Filters filters() {
        String needle = random.nextInt(3) == 0 ? "" : WORDS[random.nextInt(WORDS.length)].substring(0, 2 + random.nextInt(3));
        return new SearchTally.Filters(needle, some(PROFILES), some(DEPARTMENTS), some(AGENTS));
    }

    private SearchEntry entry(UUID id) {
        String name = WORDS[random.nextInt(WORDS.length)] + " " + random.nextInt(50);
        return new SearchEntry(id, name, name + "\u001f" + WORDS[random.nextInt(WORDS.length)] + "\u001f", some(PROFILES).stream().toList(),
                some(DEPARTMENTS).stream().toList(), some(AGENTS).stream().toList());
    }

    private Set<UUID> some(List<UUID> ids) {
        Set<UUID> picked = new HashSet<>();
        for (UUID id : ids) {
            if (random.nextInt(3) == 0) {
                picked.add(id);
            }
        }
        return picked;
    }

    private static SearchEntry[] sorted(Map<UUID, SearchEntry> models) {
        SearchEntry[] entries = models.values().toArray(SearchEntry[]::new);
        Arrays.sort(entries, SearchEntry.ORDER);
        return entries;
    }

    private static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
