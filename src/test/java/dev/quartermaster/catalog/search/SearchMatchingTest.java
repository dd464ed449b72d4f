package dev.quartermaster.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a search matches and counts, on a handful of models: text in one field, "any of" filters, facet counts. */
class SearchMatchingTest {

    private static final UUID OPENAI = UUID.randomUUID();
    private static final UUID OLLAMA = UUID.randomUUID();
    private static final UUID SALES = UUID.randomUUID();
    private static final UUID LEGAL = UUID.randomUUID();

    private final SearchEntry gpt = entry("GPT-4o", "gpt-4o", "Fast and multimodal", List.of(OPENAI), List.of(SALES));
    private final SearchEntry llama = entry("Llama 3", "llama3:8b", "Runs on your own box", List.of(OLLAMA), List.of(LEGAL));
    private final SearchEntry mini = entry("GPT-4o mini", "gpt-4o-mini", "Cheap", List.of(OPENAI), List.of(SALES, LEGAL));
    private final SearchView view = SearchView.of(sorted(gpt, llama, mini));

    @Test
    void theTextMatchesNameValueOrDescriptionInAnyCase() {
        assertThat(ids(search("  LLAMA "))).containsExactly(llama.id());
        assertThat(ids(search("4O-MINI"))).containsExactly(mini.id());
        assertThat(ids(search("own box"))).containsExactly(llama.id());
    }

    @Test
    void noTextMatchesEverythingInNameOrder() {
        assertThat(ids(search(""))).containsExactly(gpt.id(), mini.id(), llama.id());
        assertThat(ids(search(null))).containsExactly(gpt.id(), mini.id(), llama.id());
    }

    @Test
    void aMatchNeverSpansTwoFieldsOrTwoModels() {
        assertThat(search("multimodal" + "gpt").total).isZero();
        assertThat(search("4ogpt-4o").total).as("name and value run together").isZero();
        assertThat(search("\u001fgpt-4o").total).as("a separator in the text is dropped, not matched")
                .isEqualTo(search("gpt-4o").total);
    }

    @Test
    void filtersAreAnyOfWithinAFacetAndAllOfAcrossFacets() {
        SearchTally tally = SearchTally.count(view, filters("", Set.of(OPENAI, OLLAMA), Set.of(LEGAL)), 0, 10);

        assertThat(tally.page).containsExactly(mini.id(), llama.id());
        assertThat(tally.total).isEqualTo(2);
    }

    @Test
    void eachFacetIsCountedWithTheTextAndTheOtherFiltersButNotItsOwn() {
        SearchTally tally = SearchTally.count(view, filters("gpt", Set.of(), Set.of(LEGAL)), 0, 10);

        assertThat(tally.page).containsExactly(mini.id());
        assertThat(tally.providers(OPENAI)).as("providers under text and department").isEqualTo(1);
        assertThat(tally.providers(OLLAMA)).as("llama has no gpt").isZero();
        assertThat(tally.departments(SALES)).as("departments ignore their own filter").isEqualTo(2);
        assertThat(tally.departments(LEGAL)).isEqualTo(1);
    }

    @Test
    void aPageIsASliceOfTheOrderedMatchesAndTheTotalCountsThemAll() {
        SearchTally tally = SearchTally.count(view, filters("", Set.of(), Set.of()), 1, 1);

        assertThat(tally.page).containsExactly(mini.id());
        assertThat(tally.total).isEqualTo(3);
    }

    @Test
    void changedEntriesInTheOverlayMatchLikeTheBase() {
        SearchEntry renamed = entry("Aardvark", "gpt-4o", "Fast and multimodal", List.of(OPENAI), List.of(SALES));
        SearchEntry renamedGpt = new SearchEntry(gpt.id(), renamed.sortKey(), renamed.document(), renamed.providerIds(),
                renamed.departmentIds(), renamed.agentIds());

        SearchView changed = view.with(Map.of(gpt.id(), renamedGpt), Set.of(llama.id()));

        SearchTally all = SearchTally.count(changed, filters("", Set.of(), Set.of()), 0, 10);
        assertThat(all.page).containsExactly(gpt.id(), mini.id());
        assertThat(SearchTally.count(changed, filters("aardvark", Set.of(), Set.of()), 0, 10).page).containsExactly(gpt.id());
        assertThat(SearchTally.count(changed, filters("llama", Set.of(), Set.of()), 0, 10).total).isZero();
        assertThat(all.providers(OPENAI)).isEqualTo(2);
    }

    private SearchTally search(String text) {
        return SearchTally.count(view, filters(SearchEntry.needle(text), Set.of(), Set.of()), 0, 100);
    }

    private static SearchTally.Filters filters(String needle, Set<UUID> providers, Set<UUID> departments) {
        return new SearchTally.Filters(needle, providers, departments, Set.of());
    }

    private static List<UUID> ids(SearchTally tally) {
        return tally.page;
    }

    /** An entry as {@code SearchEntry.of} builds it from a row. */
    private static SearchEntry entry(String name, String value, String description, List<UUID> providers,
                                     List<UUID> departments) {
        String document = String.join("\u001f", name, value, description).toLowerCase(Locale.ROOT);
        return new SearchEntry(UUID.randomUUID(), name.toLowerCase(Locale.ROOT), document, providers, departments, List.of());
    }

    private static SearchEntry[] sorted(SearchEntry... entries) {
        SearchEntry[] sorted = entries.clone();
        Arrays.sort(sorted, SearchEntry.ORDER);
        return sorted;
    }
}
