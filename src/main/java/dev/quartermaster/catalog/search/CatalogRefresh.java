package dev.quartermaster.catalog.search;

import dev.quartermaster.catalog.ArtifactResponses;
import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.catalog.taxonomy.Taxonomy;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Topic;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code refresh}: rebuilds the search projection from the catalog tables and drops the in-memory
 * views of the catalog (the model list, the taxonomy, the search index), here and (through their
 * change topics) in every other server process.
 */
@Service
public class CatalogRefresh {

    static final String SEARCH_VIEW = "catalog_search";

    private final SearchStore store;
    private final Changes changes;
    private final Catalog catalog;
    private final Taxonomy taxonomy;
    private final SearchIndex index;

    CatalogRefresh(SearchStore store, Changes changes, Catalog catalog, Taxonomy taxonomy, SearchIndex index) {
        this.store = store;
        this.changes = changes;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.index = index;
    }

    /** One transaction: concurrent searches see the old projection until the new one is complete. */
    @Transactional
    public ArtifactResponses.Refreshed refresh() {
        store.rebuild();
        catalog.invalidate();
        taxonomy.invalidate();
        index.invalidate();
        List<Topic> topics = List.of(Catalog.TOPIC, Catalog.TAXONOMY_TOPIC, SearchIndex.TOPIC);
        topics.forEach(changes::publish);
        return new ArtifactResponses.Refreshed(true, List.of(SEARCH_VIEW), topics.stream().map(Topic::name).toList());
    }
}
