package dev.quartermaster.catalog.export;

import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ApiProblem;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The limits of {@link ExportProperties}. This server's running exports are counted in memory, so
 * that a refused one costs no connection; a user's are counted in the database, so that every server
 * agrees: a running export holds one of the user's advisory locks until its transaction ends, and
 * recent exports are the user's uploads of the last hour (deleted ones included).
 */
@Component
class ExportLimits {

    static final long BUSY_RETRY_SECONDS = 5;

    private final ExportProperties properties;
    private final JdbcClient jdbc;
    private final Semaphore running;

    ExportLimits(ExportProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.running = new Semaphore(properties.serverConcurrency());
    }

    /** Runs {@code export} if this server has room for one more, else 503 with Retry-After. */
    <T> T onThisServer(Supplier<T> export) {
        if (!running.tryAcquire()) {
            throw new ApiException(new ApiProblem(503, "Service unavailable",
                    "the server is running as many exports as it may; try again shortly").withRetryAfter(BUSY_RETRY_SECONDS));
        }
        try {
            return export.get();
        } finally {
            running.release();
        }
    }

    /** In the export's transaction: takes one of the user's slots and checks the hour's count, or 429. */
    void admit(UUID owner) {
        if (!takeSlot(owner)) {
            throw ApiException.tooManyRequests("you already have " + properties.concurrentPerUser()
                    + " export(s) running; wait for them to finish", BUSY_RETRY_SECONDS);
        }
        secondsUntilBelowHourlyLimit(owner).ifPresent(seconds -> {
            throw ApiException.tooManyRequests("at most " + properties.perUserPerHour() + " exports an hour", seconds);
        });
    }

    private boolean takeSlot(UUID owner) {
        for (int slot = 0; slot < properties.concurrentPerUser(); slot++) {
            if (jdbc.sql("select pg_try_advisory_xact_lock(hashtext('qm.export ' || ?), ?)")
                    .params(owner.toString(), slot).query(Boolean.class).single()) {
                return true;
            }
        }
        return false;
    }

    /** When the limit-th newest export of the hour leaves the window, if the user is at the limit. */
    private Optional<Long> secondsUntilBelowHourlyLimit(UUID owner) {
        return jdbc.sql("""
                select greatest(1, ceil(extract(epoch from created_at + interval '1 hour' - now())))::bigint
                  from catalog_uploads where owner_id = ? and created_at > now() - interval '1 hour'
                 order by created_at desc offset ? limit 1
                """).params(owner, properties.perUserPerHour() - 1).query(Long.class).optional();
    }
}
