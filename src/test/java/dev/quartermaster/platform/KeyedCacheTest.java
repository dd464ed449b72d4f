package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyedCacheTest {

    final KeyedCache<String, String> cache = new KeyedCache<>(100);
    final AtomicInteger loads = new AtomicInteger();

    @Test
    void keepsWhatItLoadedUntilTheKeyIsDropped() {
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        assertThat(cache.get("b", this::load)).isEqualTo("b2");

        cache.invalidate("a");

        assertThat(cache.get("a", this::load)).isEqualTo("a3");
        assertThat(cache.get("b", this::load)).as("other keys stay").isEqualTo("b2");
    }

    @Test
    void aLoadOverlappingAChangeOfItsKeyIsNotKept() {
        String stale = cache.get("a", key -> {
            cache.invalidate("a");
            return "stale";
        });

        assertThat(stale).isEqualTo("stale");
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
    }

    @Test
    void aLoadOverlappingADropOfEverythingIsNotKept() {
        cache.get("a", key -> {
            cache.invalidateAll();
            return "stale";
        });

        assertThat(cache.get("a", this::load)).isEqualTo("a1");
    }

    @Test
    void absentValuesAreNotCached() {
        assertThat(cache.get("a", key -> null)).isNull();
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
    }

    @Test
    void anEntryOlderThanTheMaximumAgeIsLoadedAgain() {
        AtomicLong now = new AtomicLong();
        KeyedCache<String, String> aging = new KeyedCache<>(100, Duration.ofSeconds(60), now::get);
        aging.get("a", this::load);

        now.set(Duration.ofSeconds(59).toNanos());
        assertThat(aging.get("a", this::load)).as("still young").isEqualTo("a1");
        now.set(Duration.ofSeconds(61).toNanos());
        assertThat(aging.get("a", this::load)).as("too old, though nothing said it changed").isEqualTo("a2");
        assertThat(aging.get("a", this::load)).isEqualTo("a2");
    }

    private String load(String key) {
        return key + loads.incrementAndGet();
    }
}
