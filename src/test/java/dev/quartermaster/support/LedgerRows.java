package dev.quartermaster.support;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The metering tables as a test reads them; a call is settled just after its answer, so reads of it wait. */
public final class LedgerRows {

    private LedgerRows() {
    }

    /** The call's one ledger row, once it is written. */
    public static Map<String, Object> of(JdbcClient jdbc, String requestId) {
        Await.until(() -> jdbc.sql("select count(*) from ledger where request_id = ?").param(requestId)
                .query(Long.class).single() > 0, Duration.ofSeconds(30));
        return jdbc.sql("select * from ledger where request_id = ?").param(requestId).query().singleRow();
    }

    public static long reservations(JdbcClient jdbc, UUID user) {
        return jdbc.sql("select count(*) from reservations where user_id = ?").param(user).query(Long.class).single();
    }

    /** Waits until the user has nothing reserved: every answered call has been settled. */
    public static boolean settled(JdbcClient jdbc, UUID user) {
        return Await.until(() -> reservations(jdbc, user) == 0, Duration.ofSeconds(20));
    }
}
