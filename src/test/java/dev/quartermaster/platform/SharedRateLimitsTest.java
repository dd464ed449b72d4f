package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.support.QuartermasterTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A shared limit is one limit on every server: two processes' limiters on one database admit the limit once. */
@QuartermasterTest
class SharedRateLimitsTest {

    private static final int LIMIT = 5;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoServersTogetherAdmitTheLimitOnceAndTellTheWait() {
        SharedRateLimits.Limiter one = new SharedRateLimits(jdbc).limiter("test calls", LIMIT, Duration.ofMinutes(1));
        SharedRateLimits.Limiter other = new SharedRateLimits(jdbc).limiter("test calls", LIMIT, Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();

        int admitted = 0;
        for (int i = 0; i < 2 * LIMIT; i++) {
            try {
                (i % 2 == 0 ? one : other).acquire(key, "test calls");
                admitted++;
            } catch (ApiException refused) {
                assertThat(refused.problem().status()).isEqualTo(429);
                assertThat(refused.problem().retryAfterSeconds()).isBetween(1L, 60L);
            }
        }

        assertThat(admitted).isEqualTo(LIMIT);
        assertThatThrownBy(() -> one.acquire(key, "test calls")).hasMessageContaining("too many test calls");
    }

    @Test
    void parallelCallersOnTwoServersCannotPassTheLimitTogether() throws Exception {
        List<SharedRateLimits.Limiter> servers = List.of(
                new SharedRateLimits(jdbc).limiter("key validations", LIMIT, Duration.ofMinutes(1)),
                new SharedRateLimits(jdbc).limiter("key validations", LIMIT, Duration.ofMinutes(1)));
        String key = UUID.randomUUID().toString();
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SharedRateLimits.Limiter server = servers.get(i % 2);
            attempts.add(() -> {
                try {
                    server.acquire(key, "key validations");
                    return true;
                } catch (ApiException refused) {
                    return false;
                }
            });
        }

        long admitted;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            admitted = pool.invokeAll(attempts).stream().filter(SharedRateLimitsTest::admitted).count();
        }

        assertThat(admitted).isEqualTo(LIMIT);
    }

    @Test
    void eachLimiterAndKeyCountsOnItsOwn() {
        SharedRateLimits limits = new SharedRateLimits(jdbc);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < LIMIT; i++) {
            limits.limiter("test calls", LIMIT, Duration.ofMinutes(1)).acquire(key, "test calls");
        }

        limits.limiter("key validations", LIMIT, Duration.ofMinutes(1)).acquire(key, "key validations");
        limits.limiter("test calls", LIMIT, Duration.ofMinutes(1)).acquire(UUID.randomUUID().toString(), "test calls");
    }

    private static boolean admitted(Future<Boolean> attempt) {
        try {
            return attempt.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
