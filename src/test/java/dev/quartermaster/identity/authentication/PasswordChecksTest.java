package dev.quartermaster.identity.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Password hashes are checked at most {@code bound} at a time; one more is refused at once, never queued. */
class PasswordChecksTest {

    @Test
    void beyondTheBoundACheckIsRefusedAtOnceInsteadOfWaiting() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        PasswordChecks checks = new PasswordChecks(2, (raw, hash) -> {
            runs.incrementAndGet();
            running.countDown();
            await(release);
            return raw.equals(hash);
        });
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        Future<Optional<Boolean>> first = threads.submit(() -> checks.matches("a", "a"));
        Future<Optional<Boolean>> second = threads.submit(() -> checks.matches("a", "b"));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        Optional<Boolean> third = checks.matches("a", "a");

        assertThat(third).as("refused, not checked").isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);
        assertThat(runs).hasValue(2);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).contains(true);
        assertThat(second.get(10, TimeUnit.SECONDS)).contains(false);
        assertThat(checks.matches("a", "a")).as("a slot is free again").contains(true);
        threads.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
