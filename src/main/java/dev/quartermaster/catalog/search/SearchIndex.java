package dev.quartermaster.catalog.search;

import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Topic;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
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

    static final Topic TOPIC = new Topic("catalog.search");

    /** The sorted entries and the oldest transaction that may not have been visible when they were read. */
    private record State(SearchView view, long horizon) {
    }

    private final SearchStore store;
    private final TransactionTemplate snapshot;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile State state;
    private volatile long lastReadStarted;

    SearchIndex(SearchStore store, PlatformTransactionManager manager, Changes changes) {
        this.store = store;
        this.snapshot = new TransactionTemplate(manager);
        // one consistent view of the projection, of the tombstones and of the transaction horizon
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        changes.subscribe(TOPIC, this::invalidate);
    }

    /** Every entry in result order, current as of this call. */
    SearchView current() {
        long asked = System.nanoTime();
        lock.lock();
        try {
            // a read that began after this call was made has seen whatever the caller wrote before it
            if (state == null || lastReadStarted < asked) {
                lastReadStarted = System.nanoTime();
                state = state == null ? snapshot.execute(status -> load()) : snapshot.execute(status -> catchUp(state));
            }
            return state.view();
        } finally {
            lock.unlock();
        }
    }

    void invalidate() {
        state = null;
    }

    private State load() {
        long horizon = store.horizon();
        SearchEntry[] sorted = store.entries().toArray(SearchEntry[]::new);
        Arrays.sort(sorted, SearchEntry.ORDER);
        return new State(SearchView.of(sorted), horizon);
    }

    private State catchUp(State old) {
        long horizon = store.horizon();
        Map<UUID, SearchEntry> changed = new HashMap<>();
        store.entriesWrittenSince(old.horizon(), entry -> changed.put(entry.id(), entry));
        Set<UUID> removed = new HashSet<>(store.removedSince(old.horizon()));
        if (changed.isEmpty() && removed.isEmpty()) {
            return new State(old.view(), horizon);
        }
        return new State(old.view().with(changed, removed), horizon);
    }
}
