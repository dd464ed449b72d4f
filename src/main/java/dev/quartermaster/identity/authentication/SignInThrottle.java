package dev.quartermaster.identity.authentication;

import dev.quartermaster.identity.store.SignInFailureStore;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The limit on failed sign-ins, per client (its IPv4 address or IPv6 /64) and, for passwords, per
 * username too, counted in PostgreSQL so that every server shares it. A password attempt is counted
 * before it is checked and taken back if it was right, so parallel attempts cannot all reach the
 * password hash before the limit binds. Keys found over the limit are also remembered here until
 * their window ends (at most {@value #REMEMBERED}, the least recently seen forgotten first), so a
 * client that keeps trying costs no database round trip.
 */
public final class SignInThrottle {

    private static final int REMEMBERED = 100_000;

    /** {@code windowStart} identifies the window a counted attempt went into; {@code secondsToWait} is 0 unless refused. */
    public record Admission(long windowStart, long secondsToWait) {
    }

    private final SignInFailureStore store;
    private final KeyHasher hasher;
    private final int limit;
    private final Duration window;
    private final Map<String, Long> blockedUntil = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    public SignInThrottle(SignInFailureStore store, KeyHasher hasher, int limit, Duration window) {
        this.store = store;
        this.hasher = hasher;
        this.limit = limit;
        this.window = window;
    }

    /** The throttle's keys for a request from {@code remoteAddress}, signing in as {@code username} (or null). */
    public List<String> keys(String remoteAddress, String username) {
        String client = key("client", ClientAddress.of(remoteAddress));
        return username == null ? List.of(client) : List.of(client, key("user", username.toLowerCase(Locale.ROOT)));
    }

    /** Seconds until these keys may try again, as far as this server already knows; no database. */
    public long knownWait(List<String> keys) {
        long now = System.nanoTime();
        long wait = 0;
        synchronized (blockedUntil) {
            for (String key : keys) {
                Long until = blockedUntil.get(key);
                if (until != null && until - now > 0) {
                    wait = Math.max(wait, Math.max(1, Duration.ofNanos(until - now).toSeconds()));
                }
            }
        }
        return wait;
    }

    /** Counts an attempt against every key before it is checked; refused (and still counted) over the limit. */
    public Admission take(List<String> keys) {
        SignInFailureStore.Count count = store.add(keys, window);
        return new Admission(count.windowStart(), judge(count));
    }

    /** Seconds to wait if any of the keys is over the limit now; counts nothing. */
    public long wait(List<String> keys) {
        return judge(store.get(keys, window));
    }

    /** The attempt {@link #take} counted was not a failure after all. */
    public void giveBack(List<String> keys, Admission admission) {
        store.subtract(keys, admission.windowStart());
    }

    /** Deletes the counts of windows that have ended. */
    public void purge() {
        store.purge(window);
    }

    /** The longest wait of the keys over the limit (0 if none is), each remembered until its window ends. */
    private long judge(SignInFailureStore.Count count) {
        List<String> over = count.failures().entrySet().stream().filter(e -> e.getValue() > limit).map(Map.Entry::getKey)
                .toList();
        if (over.isEmpty()) {
            return 0;
        }
        long until = System.nanoTime() + Duration.ofSeconds(count.secondsLeft()).toNanos();
        synchronized (blockedUntil) {
            over.forEach(key -> blockedUntil.put(key, until));
        }
        return count.secondsLeft();
    }

    private String key(String kind, String value) {
        return kind + ":" + HexFormat.of().formatHex(hasher.hash("sign-in\u0000" + kind + "\u0000" + value));
    }
}
