package dev.quartermaster.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A key's failures as the throttle judges them: the current window's and the share of the previous
 * window's that a window ending now still holds, so that a burst across a window's edge is one burst.
 */
@QuartermasterTest
class SignInFailureStoreTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    SignInFailureStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePreviousWindowsFailuresCountForTheShareOfItThatIsStillRecent() {
        String key = Names.unique("client");
        jdbc.sql("""
                insert into sign_in_failures (key, window_start, failures)
                values (?, floor(extract(epoch from now()) / 3600)::bigint * 3600 - 3600, 1000)
                """).param(key).update();
        int share = jdbc.sql("select floor(1000 * (1 - (extract(epoch from now()) % 3600) / 3600))::int")
                .query(Integer.class).single();

        int seen = store.get(List.of(key), HOUR).failures().get(key);
        int afterOneMore = store.add(List.of(key), HOUR).failures().get(key);

        assertThat(seen).isBetween(share - 1, share);
        assertThat(afterOneMore).isBetween(share - 1 + 1, share + 1);
    }

    @Test
    void aWindowBeforeThePreviousOneCountsForNothingAndIsPurged() {
        String key = Names.unique("client");
        jdbc.sql("""
                insert into sign_in_failures (key, window_start, failures)
                values (?, floor(extract(epoch from now()) / 3600)::bigint * 3600 - 7200, 1000)
                """).param(key).update();

        assertThat(store.get(List.of(key), HOUR).failures().get(key)).isZero();
        store.purge(HOUR);
        assertThat(jdbc.sql("select count(*) from sign_in_failures where key = ?").param(key).query(Long.class).single())
                .isZero();
    }
}
