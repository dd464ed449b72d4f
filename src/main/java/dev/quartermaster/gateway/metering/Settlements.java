package dev.quartermaster.gateway.metering;

import dev.quartermaster.gateway.pipeline.CallPlan;
import dev.quartermaster.gateway.pipeline.Metering;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;

/**
 * Writes settlements in batches, off the request's thread: one writer takes what has queued, and
 * what arrives within 5 ms more (up to {@value #BATCH} calls), and settles it in one transaction,
 * ordered by user. A call is in the ledger a few milliseconds after its answer was sent. A full queue settles in the caller's thread instead
 * (back-pressure, nothing dropped); a batch the database refuses stays reserved and is settled by
 * the sweep after expiry at its full amount, as is whatever a killed process had queued. On
 * shutdown the queue is drained before the database goes.
 */
@Component
class Settlements {

    private static final Logger log = LoggerFactory.getLogger(Settlements.class);
    private static final int BATCH = 256;
    private static final int QUEUE = 10_000;
    private static final Duration LINGER = Duration.ofMillis(5);

    /** One call to settle: its ledger rows and the tokens it used, for the rate limits. */
    record Settlement(CallPlan plan, Metering.CallResult result, ArrayNode rows, long usedTokens) {
    }

    private final MeterStore store;
    private final CallMetrics metrics;
    private final BlockingQueue<Settlement> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile boolean stopping;

    Settlements(MeterStore store, CallMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.writer = Thread.ofPlatform().name("qm-settlements").daemon().start(this::run);
    }

    void submit(Settlement settlement) {
        if (stopping || !queue.offer(settlement)) {
            write(List.of(settlement));
        }
    }

    private void run() {
        List<Settlement> batch = new ArrayList<>(BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                Settlement first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("a batch of settlements failed; the sweep settles its calls after expiry", e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Adds what arrives within {@link #LINGER} of the first, so calls a moment apart share a commit. */
    private void gather(List<Settlement> batch) throws InterruptedException {
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (batch.size() < BATCH) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= BATCH || left <= 0) {
                return;
            }
            Settlement next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<Settlement> batch) {
        List<Settlement> ordered = new ArrayList<>(batch);
        ordered.sort(Comparator.comparing((Settlement s) -> s.plan().caller().userId()).thenComparing(s -> s.plan().requestId()));
        List<Long> costs;
        try {
            costs = store.settleMany(ordered);
        } catch (DataAccessException e) {
            log.warn("{} calls could not be settled now; the sweep settles them at their reserved amounts after expiry: {}",
                    ordered.size(), e.getMessage());
            costs = null;
        }
        for (int i = 0; i < ordered.size(); i++) {
            metrics.record(ordered.get(i).plan(), ordered.get(i).result(), costs == null ? null : costs.get(i));
        }
    }

    /** On shutdown: what is queued is written, and later settlements are written by their callers. */
    @PreDestroy
    void drain() throws InterruptedException {
        stopping = true;
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }
}
