package dev.quartermaster.catalog;

import dev.quartermaster.platform.Changes;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code refresh}: rebuilds the search projection from the catalog tables and drops the in-memory
 * views of the catalog, here and (through their change topics) in every other server process.
 */
@Service
class CatalogRefresh {

    static final String SEARCH_VIEW = "catalog_search";

    private final JdbcClient jdbc;
    private final Changes changes;
    private final Catalog catalog;
    private final Taxonomy taxonomy;

    CatalogRefresh(JdbcClient jdbc, Changes changes, Catalog catalog, Taxonomy taxonomy) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
    }

    /** One transaction: concurrent searches see the old projection until the new one is complete. */
    @Transactional
    ArtifactResponses.Refreshed refresh() {
        jdbc.sql("delete from catalog_search").update();
        jdbc.sql("select catalog_search_sync(array(select id from catalog_models))").query().listOfRows();
        jdbc.sql("analyze catalog_search").update();
        catalog.invalidate();
        taxonomy.invalidate();
        changes.publish(Catalog.TOPIC);
        changes.publish(Taxonomy.TOPIC);
        return new ArtifactResponses.Refreshed(true, List.of(SEARCH_VIEW), List.of(Catalog.TOPIC, Taxonomy.TOPIC));
    }
}
