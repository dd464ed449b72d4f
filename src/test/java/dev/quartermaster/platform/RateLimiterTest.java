package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.support.Race;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    MutableClock clock = new MutableClock();
    RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(60), clock);

    @Test
    void refusesAKeyOverTheLimitUntilItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a", "tests");
        }

        assertThatThrownBy(() -> limiter.acquire("a", "tests"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(429);
                    assertThat(e.problem().retryAfterSeconds()).isEqualTo(60L);
                });
        limiter.acquire("b", "tests");
        clock.advance(Duration.ofSeconds(59));
        assertThat(limiter.secondsUntilAllowed("a")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.secondsUntilAllowed("a")).isZero();
    }

    @Test
    void checkingCountsNothing() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.secondsUntilAllowed("a")).isZero();
        }
    }

    @Test
    void parallelAcquisitionsNeverPassTheLimit() throws InterruptedException {
        RateLimiter shared = new RateLimiter(3, Duration.ofSeconds(60));

        List<Boolean> passed = Race.run(50, i -> () -> {
            try {
                shared.acquire("k", "tests");
                return true;
            } catch (ApiException refused) {
                return false;
            }
        });

        assertThat(passed).filteredOn(p -> p).hasSize(3);
    }

    @Test
    void aFloodOfNewKeysDoesNotMakeItForgetAKeyThatKeepsTrying() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("attacker", "tests");
        }

        for (int i = 0; i < 150_000; i++) {
            limiter.record("flood-" + i);
            if (i % 1000 == 0) {
                assertThat(limiter.secondsUntilAllowed("attacker")).as("after %d new keys", i).isPositive();
            }
        }

        assertThat(limiter.size()).isLessThanOrEqualTo(100_000);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
