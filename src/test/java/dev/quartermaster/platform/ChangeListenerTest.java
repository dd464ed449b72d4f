package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Await;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The change listener outlives what a database can throw at it: a notification it cannot parse,
 * and its connection being cut, after which it drops everything it may have missed.
 */
@QuartermasterTest
class ChangeListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Changes changes;

    final List<String> heard = new CopyOnWriteArrayList<>();
    final AtomicInteger droppedAll = new AtomicInteger();
    Topic topic;

    @BeforeEach
    void subscribe() {
        topic = new Topic("test." + Names.unique("listener").replaceAll("[^a-z0-9]", "_"));
        changes.subscribe(topic, heard::add, droppedAll::incrementAndGet);
    }

    @Test
    void aMalformedNotificationIsSkippedAndTheNextOneIsHeard() {
        notifyFromElsewhere("byok not-a-uuid");
        notifyFromElsewhere("vault also-not-an-owner");
        notifyFromElsewhere("");
        notifyFromElsewhere(topic.name() + " after");

        assertThat(Await.until(() -> heard.contains("after"), WAIT)).as("the listener still runs").isTrue();
    }

    @Test
    void aCutConnectionIsReopenedAndEverythingItMayHaveMissedIsDropped() {
        int before = droppedAll.get();

        List<Boolean> terminated = jdbc.sql("""
                select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'qm-changes'
                """).query(Boolean.class).list();

        assertThat(terminated).isNotEmpty().containsOnly(true);
        assertThat(Await.until(() -> droppedAll.get() > before, WAIT)).as("every view dropped on reconnect").isTrue();
        assertThat(Await.until(() -> {
            notifyFromElsewhere(topic.name() + " reconnected");
            return heard.contains("reconnected");
        }, WAIT)).as("listening again").isTrue();
    }

    private void notifyFromElsewhere(String rest) {
        jdbc.sql("select pg_notify('qm_changes', ?)").param("another-process " + rest).query().listOfRows();
    }
}
