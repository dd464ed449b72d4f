package dev.quartermaster.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts events per key in fixed windows. Once a key reaches the limit it is refused until its
 * window ends; checking and counting are one step under one lock, so parallel callers cannot pass
 * the limit together. At most {@value #MAX_KEYS} keys are kept: beyond that ended windows go first,
 * then the least recently seen, so a flood of new keys never makes it forget one that keeps trying.
 * In memory, so each server process counts on its own.
 */
public final class RateLimiter {

    private record Window(Instant start, int count) {
    }

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Window> windows = new LinkedHashMap<>(16, 0.75f, true);
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
    public synchronized long secondsUntilAllowed(String key) {
        Window current = windows.get(key);
        Instant now = clock.instant();
        if (current == null || current.count() < limit || expired(current, now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, current.start().plus(window)).toSeconds());
    }

    public synchronized void record(String key) {
        Instant now = clock.instant();
        Window current = windows.get(key);
        windows.put(key, current == null || expired(current, now) ? new Window(now, 1)
                : new Window(current.start(), current.count() + 1));
        if (windows.size() > MAX_KEYS) {
            evict(now);
        }
    }

    /** Counts one event for {@code key} if allowed; otherwise throws 429 with the wait. */
    public synchronized void acquire(String key, String what) {
        long wait = secondsUntilAllowed(key);
        if (wait > 0) {
            throw ApiException.tooManyRequests("too many " + what + "; try again in " + wait + " seconds", wait);
        }
        record(key);
    }

    synchronized int size() {
        return windows.size();
    }

    /** Ended windows, then the least recently seen keys, down to nine tenths of the bound. */
    private void evict(Instant now) {
        windows.values().removeIf(w -> expired(w, now));
        Iterator<Window> eldest = windows.values().iterator();
        while (windows.size() > MAX_KEYS * 9 / 10 && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }
}
