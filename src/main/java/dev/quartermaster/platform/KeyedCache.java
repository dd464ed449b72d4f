package dev.quartermaster.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values loaded on first use and kept until the topic they depend on changes. A value loaded while
 * an invalidation happened is not kept. Absent values (a null from the loader) are not cached.
 */
public final class KeyedCache<K, V> {

    private record Entry<V>(long generation, V value) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int maxEntries;

    public KeyedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    public static <K, V> KeyedCache<K, V> of(Changes changes, String topic, int maxEntries) {
        KeyedCache<K, V> cache = new KeyedCache<>(maxEntries);
        changes.subscribe(topic, cache::invalidateAll);
        return cache;
    }

    public V get(K key, Function<K, V> loader) {
        long current = generation.get();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.generation() == current) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (value != null && generation.get() == current) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(current, value));
        }
        return value;
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
