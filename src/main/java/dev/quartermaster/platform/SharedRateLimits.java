package dev.quartermaster.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits that every server process shares, counted in PostgreSQL ({@code action_windows},
 * migration V70) in fixed windows of the database's clock: for actions rare and costly enough that
 * one statement each is nothing (a provider test call, a key validation), so that N servers do not
 * allow N times the limit.
 */
@Component
public class SharedRateLimits {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimits.class);
    private static final String WINDOW = "(floor(extract(epoch from now()) / :seconds)::bigint * :seconds)";

    /** One limit: at most {@code limit} events per key and window. */
    public final class Limiter {
        private final String name;
        private final int limit;
        private final Duration window;

        private Limiter(String name, int limit, Duration window) {
            this.name = name;
            this.limit = limit;
            this.window = window;
        }

        /** Counts one event for {@code key} if the window has room; otherwise throws 429 with the wait. */
        public void acquire(String key, String what) {
            Long wait = jdbc.sql("""
                    with counted as (
                        insert into action_windows as w (limiter, key, window_start, window_seconds, events)
                        values (:limiter, :key, %s, :seconds, 1)
                        on conflict (limiter, key, window_start) do update set events = w.events + 1
                         where w.events < :limit
                        returning events
                    )
                    select case when exists (select 1 from counted) then 0
                           else greatest(1, ceil(%s + :seconds - extract(epoch from now())))::bigint end
                    """.formatted(WINDOW, WINDOW))
                    .param("limiter", name).param("key", key).param("seconds", window.toSeconds()).param("limit", limit)
                    .query(Long.class).single();
            if (wait > 0) {
                throw ApiException.tooManyRequests("too many " + what + "; try again in " + wait + " seconds", wait);
            }
        }
    }

    private final JdbcClient jdbc;

    SharedRateLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A limiter named {@code name} (its rows' {@code limiter}): the same name on every server is one limit. */
    public Limiter limiter(String name, int limit, Duration window) {
        return new Limiter(name, limit, window);
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void purge() {
        try {
            jdbc.sql("delete from action_windows where window_start + window_seconds < extract(epoch from now())").update();
        } catch (DataAccessException e) {
            log.warn("ended rate-limit windows could not be deleted now: {}", e.getMessage());
        }
    }
}
