package dev.quartermaster.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values loaded on first use and kept until a change drops them: all at once, or one key. A value
 * whose load overlapped a change of its key is returned but not kept, so a stale read never sticks.
 * Absent values (a null from the loader) are not cached.
 */
public final class KeyedCache<K, V> {

    private record Entry<V>(long generation, V value) {
    }

    /** Marks a load in progress; identity matters, so it is a class, not a record. */
    private static final class Loading {
    }

    private final Map<K, Object> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int maxEntries;

    public KeyedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** A cache dropped whole whenever {@code topic} changes. */
    public static <K, V> KeyedCache<K, V> of(Changes changes, Topic topic, int maxEntries) {
        KeyedCache<K, V> cache = new KeyedCache<>(maxEntries);
        changes.subscribe(topic, cache::invalidateAll);
        return cache;
    }

    /** A cache whose entries are dropped one by one when a change names their key ({@code keyOf} reads it). */
    public static <K, V> KeyedCache<K, V> perKey(Changes changes, Topic topic, int maxEntries,
                                                 Function<String, K> keyOf) {
        KeyedCache<K, V> cache = new KeyedCache<>(maxEntries);
        changes.subscribe(topic, key -> cache.invalidate(keyOf.apply(key)), cache::invalidateAll);
        return cache;
    }

    @SuppressWarnings("unchecked")
    public V get(K key, Function<K, V> loader) {
        long current = generation.get();
        if (entries.get(key) instanceof Entry<?> entry && entry.generation() == current) {
            return (V) entry.value();
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        Loading loading = new Loading();
        entries.put(key, loading);
        V value = loader.apply(key);
        if (value != null && generation.get() == current) {
            entries.replace(key, loading, new Entry<>(current, value));
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
