package dev.quartermaster.platform;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An in-memory view rebuilt from the database after it is invalidated. Reading is a volatile read
 * and a comparison; a rebuild that raced with an invalidation is not trusted and runs again.
 */
public final class Snapshot<T> {

    private record Stamped<T>(long generation, T value) {
    }

    private final Supplier<T> loader;
    private final AtomicLong generation = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Stamped<T> current;

    public Snapshot(Supplier<T> loader) {
        this.loader = loader;
    }

    /** A snapshot that drops itself whenever {@code topic} changes. */
    public static <T> Snapshot<T> of(Changes changes, Topic topic, Supplier<T> loader) {
        Snapshot<T> snapshot = new Snapshot<>(loader);
        changes.subscribe(topic, snapshot::invalidate);
        return snapshot;
    }

    public T get() {
        Stamped<T> stamped = current;
        if (stamped != null && stamped.generation() == generation.get()) {
            return stamped.value();
        }
        return reload();
    }

    public void invalidate() {
        generation.incrementAndGet();
    }

    private T reload() {
        lock.lock();
        try {
            return reloadLocked();
        } finally {
            lock.unlock();
        }
    }

    private T reloadLocked() {
        while (true) {
            long before = generation.get();
            Stamped<T> stamped = current;
            if (stamped != null && stamped.generation() == before) {
                return stamped.value();
            }
            T value = loader.get();
            current = new Stamped<>(before, value);
            if (generation.get() == before) {
                return value;
            }
        }
    }
}
