package dev.quartermaster.catalog;

import dev.quartermaster.platform.Changes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search projection in memory, sorted for paging. Before every search it reads what changed in
 * the projection since it last looked (rows written by transactions it may not have seen, and
 * tombstones), so a search sees every write committed before it began, in any server process.
 * Loaded whole on first use and after {@code refresh} (topic {@link #TOPIC}).
 */
@Component
class SearchIndex {

    static final String TOPIC = "catalog.search";
    private static final String COLUMNS = "model_id, name, value, description, provider_ids, department_ids, agent_ids";

    /** The sorted entries and the oldest transaction that may not have been visible when they were read. */
    private record State(SearchColumns columns, long horizon) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile State state;
    private volatile long lastReadStarted;

    SearchIndex(JdbcClient jdbc, PlatformTransactionManager manager, Changes changes) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(manager);
        // one consistent view of the projection, of the tombstones and of the transaction horizon
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        changes.subscribe(TOPIC, this::invalidate);
    }

    /** Every entry in result order, current as of this call. */
    SearchColumns current() {
        long asked = System.nanoTime();
        lock.lock();
        try {
            // a read that began after this call was made has seen whatever the caller wrote before it
            if (state == null || lastReadStarted < asked) {
                lastReadStarted = System.nanoTime();
                state = state == null ? snapshot.execute(status -> load()) : snapshot.execute(status -> catchUp(state));
            }
            return state.columns();
        } finally {
            lock.unlock();
        }
    }

    void invalidate() {
        state = null;
    }

    private State load() {
        long horizon = horizon();
        List<SearchEntry> entries = jdbc.sql("select " + COLUMNS + " from catalog_search")
                .query((rs, n) -> SearchEntry.of(rs)).list();
        SearchEntry[] sorted = entries.toArray(SearchEntry[]::new);
        Arrays.sort(sorted, SearchEntry.ORDER);
        return new State(new SearchColumns(sorted), horizon);
    }

    private State catchUp(State old) {
        long horizon = horizon();
        Map<UUID, SearchEntry> changed = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from catalog_search where xid >= ?::text::xid8").param(old.horizon())
                .query(rs -> {
                    SearchEntry entry = SearchEntry.of(rs);
                    changed.put(entry.id(), entry);
                });
        Set<UUID> removed = new HashSet<>(jdbc.sql("select model_id from catalog_search_removed where xid >= ?::text::xid8")
                .param(old.horizon()).query(UUID.class).list());
        if (changed.isEmpty() && removed.isEmpty()) {
            return new State(old.columns(), horizon);
        }
        return new State(new SearchColumns(merge(old.columns().entries, changed, removed)), horizon);
    }

    /** The old entries without the removed or changed ones, with the changed ones in their place. */
    private static SearchEntry[] merge(SearchEntry[] old, Map<UUID, SearchEntry> changed, Set<UUID> removed) {
        List<SearchEntry> kept = new ArrayList<>(old.length + changed.size());
        for (SearchEntry entry : old) {
            if (!changed.containsKey(entry.id()) && !removed.contains(entry.id())) {
                kept.add(entry);
            }
        }
        SearchEntry[] added = changed.values().toArray(SearchEntry[]::new);
        Arrays.sort(added, SearchEntry.ORDER);
        SearchEntry[] merged = new SearchEntry[kept.size() + added.length];
        int i = 0;
        int j = 0;
        for (int k = 0; k < merged.length; k++) {
            boolean fromKept = j >= added.length || (i < kept.size() && SearchEntry.ORDER.compare(kept.get(i), added[j]) <= 0);
            merged[k] = fromKept ? kept.get(i++) : added[j++];
        }
        return merged;
    }

    /** Transactions from this one on may have been running, unseen, when this snapshot was taken. */
    private long horizon() {
        return jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint").query(Long.class).single();
    }
}
