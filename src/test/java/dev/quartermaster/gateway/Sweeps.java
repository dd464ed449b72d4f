package dev.quartermaster.gateway;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The expiry sweep run to the end now, step by step as the servers run it. */
final class Sweeps {

    private Sweeps() {
    }

    static void all(JdbcClient jdbc) {
        for (int step = 0; step < 1_000; step++) {
            if (jdbc.sql("select qm_expire_next()").query(Integer.class).single() < 0) {
                return;
            }
        }
    }
}
