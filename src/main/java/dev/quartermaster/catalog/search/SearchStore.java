package dev.quartermaster.catalog.search;

import dev.quartermaster.catalog.SearchResult.ListModelApiModel;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code catalog_search} projection and its tombstones ({@code catalog_search_removed}), both
 * stamped with the transaction that wrote them so that an index can catch up from a horizon.
 */
@Repository
class SearchStore {

    private static final String ENTRY_COLUMNS = "model_id, name, value, description, provider_ids, department_ids, agent_ids";

    private final JdbcClient jdbc;

    SearchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SearchEntry> entries() {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from catalog_search").query((rs, n) -> SearchEntry.of(rs)).list();
    }

    /** Every entry written by a transaction from {@code horizon} on, to {@code each}. */
    void entriesWrittenSince(long horizon, Consumer<SearchEntry> each) {
        jdbc.sql("select " + ENTRY_COLUMNS + " from catalog_search where xid >= ?::text::xid8").param(horizon)
                .query(rs -> {
                    each.accept(SearchEntry.of(rs));
                });
    }

    /** Models whose entries transactions from {@code horizon} on removed. */
    List<UUID> removedSince(long horizon) {
        return jdbc.sql("select model_id from catalog_search_removed where xid >= ?::text::xid8")
                .param(horizon).query(UUID.class).list();
    }

    /** Transactions from this one on may have been running, unseen, when this snapshot was taken. */
    long horizon() {
        return jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint").query(Long.class).single();
    }

    /** The rows of these models as the projection has them now, in no particular order. */
    List<ListModelApiModel> rows(List<UUID> ids) {
        return jdbc.sql("""
                select model_id, name, description, value, provider, tier, capabilities, context_window, active,
                       provider_ids, department_ids, agent_ids, version, updated_at
                  from catalog_search where model_id = any (?::uuid[])
                """).param(ids.toArray(UUID[]::new)).query(SearchStore::row).list();
    }

    /** Rebuilds the projection from the catalog tables, in the caller's transaction. */
    void rebuild() {
        jdbc.sql("delete from catalog_search").update();
        jdbc.sql("select catalog_search_sync(array(select id from catalog_models))").query().listOfRows();
        // every row is back, so this rebuild's own tombstones say nothing; older ones matter only to an
        // index that has not caught up since, and a day is plenty for that
        jdbc.sql("""
                delete from catalog_search_removed where xid = pg_current_xact_id() or at < now() - interval '1 day'
                """).update();
        jdbc.sql("analyze catalog_search").update();
    }

    private static ListModelApiModel row(ResultSet rs, int n) throws SQLException {
        return new ListModelApiModel(rs.getObject("model_id", UUID.class), rs.getString("name"),
                rs.getString("description"), rs.getString("value"), rs.getString("provider"), rs.getString("tier"),
                Arrays.asList((String[]) rs.getArray("capabilities").getArray()), (Integer) rs.getObject("context_window"),
                rs.getBoolean("active"), uuids(rs.getArray("provider_ids")), uuids(rs.getArray("department_ids")),
                uuids(rs.getArray("agent_ids")), rs.getInt("version"), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }
}
