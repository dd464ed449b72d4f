package dev.quartermaster.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request that needs the database while it cannot be reached: 503 with {@code Retry-After}, in
 * the surface's shape, within the pool's wait (2 s) rather than a 500.
 */
public final class DatabaseUnavailable {

    static final long RETRY_AFTER_SECONDS = 5;

    /** PostgreSQL's "admin shutdown", "crash shutdown" and "cannot connect now". */
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or what caused it, is the database being out of reach. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && is(rollback.getApplicationException())) {
                return true;   // the rollback failed too, after the connection had gone
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTTING_DOWN.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public static ApiProblem problem() {
        return new ApiProblem(503, "Service unavailable", "the database cannot be reached; retry shortly")
                .withRetryAfter(RETRY_AFTER_SECONDS);
    }

    public static ApiException exception() {
        return new ApiException(problem());
    }
}
