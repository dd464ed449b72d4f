package dev.quartermaster.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what happens just after an answer leaves (a timer stopped, a notification heard by
 * another process): probes often at first, then less, and gives up at a deadline. It returns the
 * last value probed, so the test asserts on what it saw, and a wait that ran out fails there.
 */
public final class Await {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(250);

    private Await() {
    }

    /** {@code probe}'s value once {@code done} holds for it, or its last value at the deadline. */
    public static <T> T until(Supplier<T> probe, Predicate<? super T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            sleep(pause, deadline);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            value = probe.get();
        }
        return value;
    }

    /** Whether {@code condition} came true before the deadline. */
    public static boolean until(Supplier<Boolean> condition, Duration timeout) {
        return until(condition, Boolean.TRUE::equals, timeout);
    }

    private static void sleep(Duration pause, long deadline) {
        long nanos = Math.max(0, Math.min(pause.toNanos(), deadline - System.nanoTime()));
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
