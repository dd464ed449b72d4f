package dev.quartermaster.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per client address in fixed windows; a client over the limit is refused
 * (429) until its window ends, whatever credentials it sends, so guessing stays slow.
 */
@Component
class FailureThrottle {

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final IdentityProperties.Auth settings;
    private final Clock clock;

    @Autowired
    FailureThrottle(IdentityProperties properties) {
        this(properties.auth(), Clock.systemUTC());
    }

    FailureThrottle(IdentityProperties.Auth settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Seconds until this client may try again, or 0 if it may now. */
    long blockedFor(String client) {
        Window window = windows.get(client);
        if (window == null || window.failures() < settings.failureLimit()) {
            return 0;
        }
        long remaining = window.start().plus(settings.failureWindow()).getEpochSecond() - clock.instant().getEpochSecond();
        return Math.max(remaining, 0);
    }

    void failed(String client) {
        Instant now = clock.instant();
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.start().plus(settings.failureWindow()).isBefore(now));
        }
        windows.compute(client, (key, window) -> window == null || window.start().plus(settings.failureWindow()).isBefore(now)
                ? new Window(now, 1)
                : new Window(window.start(), window.failures() + 1));
    }
}
