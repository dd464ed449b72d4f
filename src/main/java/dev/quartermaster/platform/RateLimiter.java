package dev.quartermaster.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key in fixed windows. Once a key reaches the limit it is refused until its
 * window ends. In memory, so each server process counts on its own.
 */
public final class RateLimiter {

    private record Window(Instant start, int count) {
    }

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    public RateLimiter(int limit, Duration window) {
        this(limit, window, Clock.systemUTC());
    }

    /** Seconds until {@code key} may act again, or 0 if it may now. Counts nothing. */
    public long secondsUntilAllowed(String key) {
        Window current = windows.get(key);
        Instant now = clock.instant();
        if (current == null || current.count() < limit || expired(current, now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, current.start().plus(window)).toSeconds());
    }

    public void record(String key) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> expired(w, now));
            if (windows.size() > MAX_KEYS) {
                // a flood of distinct keys: forgetting windows beats growing without bound
                windows.clear();
            }
        }
        windows.compute(key, (k, current) -> current == null || expired(current, now)
                ? new Window(now, 1)
                : new Window(current.start(), current.count() + 1));
    }

    /** Counts one event for {@code key} if allowed; otherwise throws 429 with the wait. */
    public void acquire(String key, String what) {
        long wait = secondsUntilAllowed(key);
        if (wait > 0) {
            throw ApiException.tooManyRequests("too many " + what + "; try again in " + wait + " seconds", wait);
        }
        record(key);
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }
}
