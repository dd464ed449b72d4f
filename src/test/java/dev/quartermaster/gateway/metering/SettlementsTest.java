package dev.quartermaster.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Topic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The settlement writer never drops what it was given: a failed batch is written again, also while stopping. */
class SettlementsTest {

    /** A store whose first {@code failures} writes throw {@code failure}; it keeps the records it wrote. */
    private static final class FlakyStore extends MeterStore {
        final List<String> written = new CopyOnWriteArrayList<>();
        final AtomicInteger failures;
        final RuntimeException failure;

        FlakyStore(int failures, RuntimeException failure) {
            super(null);
            this.failures = new AtomicInteger(failures);
            this.failure = failure;
        }

        @Override
        List<Long> write(ArrayNode holds, List<Settlements.Settlement> calls) {
            if (failures.getAndDecrement() > 0) {
                throw failure;
            }
            holds.forEach(hold -> written.add(hold.path("request_id").asString()));
            return List.of();
        }
    }

    @Test
    void aBatchThatFailsForAnyReasonIsWrittenAgainNotDropped() throws InterruptedException {
        FlakyStore store = new FlakyStore(1, new IllegalStateException("not a database error"));
        Settlements settlements = settlements(store);

        settlements.submit(hold("req-1"));

        awaitWritten(store, "req-1");
        settlements.drain();
    }

    @Test
    void aBatchTheDatabaseRefusesWhileStoppingIsStillTriedUntilItIsWritten() throws InterruptedException {
        FlakyStore store = new FlakyStore(2, new DataAccessResourceFailureException("the database is away"));
        Settlements settlements = settlements(store);

        settlements.submit(hold("req-2"));
        settlements.drain();

        assertThat(store.written).containsExactly("req-2");
    }

    @Test
    void whileTheWriterFailsNoCallIsAdmittedOnALease() throws InterruptedException {
        FlakyStore store = new FlakyStore(1, new IllegalStateException("not a database error"));
        Settlements settlements = settlements(store);

        settlements.submit(hold("req-3"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!settlements.failing() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(settlements.failing()).isTrue();
        awaitWritten(store, "req-3");
        assertThat(settlements.failing()).isFalse();
        settlements.drain();
    }

    private static Settlements settlements(MeterStore store) {
        MeteringProperties properties = new MeteringProperties(4096, Duration.ofMinutes(11), Duration.ofSeconds(2), 32,
                Duration.ofSeconds(1));
        return new Settlements(store, new CallMetrics(new SimpleMeterRegistry()), new Leases(store, properties, NO_CHANGES));
    }

    private static Settlements.Hold hold(String requestId) {
        ObjectNode record = Json.MAPPER.createObjectNode().put("request_id", requestId);
        return new Settlements.Hold(record);
    }

    private static void awaitWritten(FlakyStore store, String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!store.written.contains(requestId) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(store.written).containsExactly(requestId);
    }

    private static final Changes NO_CHANGES = new Changes() {
        @Override
        public void publish(Topic topic) {
        }

        @Override
        public void publish(Topic topic, String key) {
        }

        @Override
        public void subscribe(Topic topic, Runnable listener) {
        }

        @Override
        public void subscribe(Topic topic, Consumer<String> one, Runnable all) {
        }
    };
}
