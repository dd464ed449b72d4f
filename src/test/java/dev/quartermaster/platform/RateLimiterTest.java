package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
