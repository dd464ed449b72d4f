package dev.quartermaster.identity.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code sign_in_failures} (migration V6): failures per key and fixed window, shared by every
 * server. Windows follow the database's clock, so servers whose clocks differ still share them. A
 * key's count is its current window's plus the part of the previous window's that a window ending
 * now would still hold (a sliding window, estimated), so that a burst split by a window's edge is
 * counted whole: ten failures either side of a minute's turn are not two windows of five.
 */
@Repository
public class SignInFailureStore {

    /** The failures of each key in the current window (absent: none), which started at {@code windowStart}. */
    public record Count(long windowStart, long secondsLeft, Map<String, Integer> failures) {
    }

    private static final String WINDOW = "(floor(extract(epoch from now()) / :window)::bigint * :window)";
    private static final String LEFT = "greatest(1, ceil(%s + :window - extract(epoch from now())))::bigint".formatted(WINDOW);
    /** What of the previous window's failures {@code p} a window ending now still holds. */
    private static final String CARRIED = ("coalesce(floor(p.failures * (1 - (extract(epoch from now()) - %s)::numeric"
            + " / :window)), 0)::int").formatted(WINDOW);
    private static final String PREVIOUS = "left join sign_in_failures p on p.key = %s and p.window_start = %s - :window";

    private final JdbcClient jdbc;

    SignInFailureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one failure for each key, atomically, and answers the counts after it. */
    public Count add(List<String> keys, Duration window) {
        return count("""
                with counted as (
                    insert into sign_in_failures (key, window_start, failures)
                    select k, %s, 1 from unnest(:keys::text[]) as k order by k
                    on conflict (key, window_start) do update set failures = sign_in_failures.failures + 1
                    returning key, failures
                )
                select %s, %s, c.key, c.failures + %s from counted c %s
                """.formatted(WINDOW, WINDOW, LEFT, CARRIED, PREVIOUS.formatted("c.key", WINDOW)), keys, window);
    }

    /** The keys' counts in the current window; counts nothing. */
    public Count get(List<String> keys, Duration window) {
        return count("""
                select %s, %s, k.key, coalesce(f.failures, 0) + %s from unnest(:keys::text[]) as k(key)
                  left join sign_in_failures f on f.key = k.key and f.window_start = %s
                  %s
                """.formatted(WINDOW, LEFT, CARRIED, WINDOW, PREVIOUS.formatted("k.key", WINDOW)), keys, window);
    }

    private Count count(String sql, List<String> keys, Duration window) {
        long[] times = new long[2];
        Map<String, Integer> failures = new HashMap<>();
        jdbc.sql(sql).param("keys", sorted(keys)).param("window", window.toSeconds()).query(rs -> {
            times[0] = rs.getLong(1);
            times[1] = rs.getLong(2);
            failures.put(rs.getString(3), rs.getInt(4));
        });
        return new Count(times[0], times[1], Map.copyOf(failures));
    }

    /** Takes back one failure of each key counted in {@code windowStart}: the attempt succeeded after all. */
    public void subtract(List<String> keys, long windowStart) {
        jdbc.sql("""
                update sign_in_failures set failures = failures - 1
                 where key = any(:keys::text[]) and window_start = :start and failures > 0
                """).param("keys", sorted(keys)).param("start", windowStart).update();
    }

    /** Deletes the windows that have ended, but for the one just before the current (still carried). */
    public int purge(Duration window) {
        return jdbc.sql("delete from sign_in_failures where window_start + 2 * :window < extract(epoch from now())")
                .param("window", window.toSeconds()).update();
    }

    private static String[] sorted(List<String> keys) {
        return keys.stream().sorted().distinct().toArray(String[]::new);
    }
}
