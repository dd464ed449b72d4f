package dev.quartermaster.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values loaded on first use and kept until a change drops them: all at once, or one key. A value
 * whose load overlapped a change of its key is returned but not kept, so a stale read never sticks.
 * Absent values (a null from the loader) are not cached. With a maximum age, an entry is also
 * loaded again once it is that old, so a change whose notification was lost cannot stick forever.
 */
public final class KeyedCache<K, V> {

    private record Entry<V>(long generation, long loadedAt, V value) {
    }

    /** Marks a load in progress; identity matters, so it is a class, not a record. */
    private static final class Loading {
    }

    private final Map<K, Object> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int maxEntries;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;

    public KeyedCache(int maxEntries) {
        this(maxEntries, null, System::nanoTime);
    }

    /** Entries also expire {@code maxAge} after they were loaded: a backstop for a change no one heard of. */
    public KeyedCache(int maxEntries, Duration maxAge) {
        this(maxEntries, maxAge, System::nanoTime);
    }

    KeyedCache(int maxEntries, Duration maxAge, LongSupplier nanoTime) {
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAge == null || maxAge.isZero() || maxAge.isNegative() ? Long.MAX_VALUE : maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A cache dropped whole whenever {@code topic} changes. */
    public static <K, V> KeyedCache<K, V> of(Changes changes, Topic topic, int maxEntries) {
        return of(changes, topic, maxEntries, null);
    }

    /** A cache dropped whole whenever {@code topic} changes, each entry kept at most {@code maxAge}. */
    public static <K, V> KeyedCache<K, V> of(Changes changes, Topic topic, int maxEntries, Duration maxAge) {
        KeyedCache<K, V> cache = new KeyedCache<>(maxEntries, maxAge);
        changes.subscribe(topic, cache::invalidateAll);
        return cache;
    }

    /** A cache whose entries are dropped one by one when a change names their key ({@code keyOf} reads it). */
    public static <K, V> KeyedCache<K, V> perKey(Changes changes, Topic topic, int maxEntries,
                                                 Function<String, K> keyOf) {
        return perKey(changes, topic, maxEntries, null, keyOf);
    }

    /** As {@link #perKey(Changes, Topic, int, Function)}, each entry kept at most {@code maxAge}. */
    public static <K, V> KeyedCache<K, V> perKey(Changes changes, Topic topic, int maxEntries, Duration maxAge,
                                                 Function<String, K> keyOf) {
        KeyedCache<K, V> cache = new KeyedCache<>(maxEntries, maxAge);
        changes.subscribe(topic, key -> cache.invalidate(keyOf.apply(key)), cache::invalidateAll);
        return cache;
    }

    @SuppressWarnings("unchecked")
    public V get(K key, Function<K, V> loader) {
        long current = generation.get();
        long now = nanoTime.getAsLong();
        if (entries.get(key) instanceof Entry<?> entry && entry.generation() == current
                && now - entry.loadedAt() <= maxAgeNanos) {
            return (V) entry.value();
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        Loading loading = new Loading();
        entries.put(key, loading);
        V value = loader.apply(key);
        if (value != null && generation.get() == current) {
            entries.replace(key, loading, new Entry<>(current, now, value));
        } else {
            entries.remove(key, loading);
        }
        return value;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
