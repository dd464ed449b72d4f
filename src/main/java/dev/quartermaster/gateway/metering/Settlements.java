package dev.quartermaster.gateway.metering;

import dev.quartermaster.gateway.pipeline.CallPlan;
import dev.quartermaster.gateway.pipeline.Metering;
import dev.quartermaster.gateway.wire.Json;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the metering's rows in batches, off the request's thread: one writer takes what has
 * queued, and what arrives within 5 ms more (up to {@value #BATCH} items), and writes it in one
 * transaction: the records of calls admitted on leases (so the sweep finds them, should this
 * process die), then the settlements, ordered by user. A call is in the ledger a few milliseconds
 * after its answer was sent; a record whose call was settled in the same batch is not written. A
 * full queue makes callers wait (back-pressure); one queue and one writer keep a call's record
 * before its settlement. Nothing is dropped: a batch the database refuses, or that fails in any
 * other way, is tried again every second until it is written, and meanwhile no call is admitted on a
 * lease ({@link #failing}). On shutdown the queue is drained before the leases go back and the
 * database goes.
 */
@Component
class Settlements {

    private static final Logger log = LoggerFactory.getLogger(Settlements.class);
    private static final int BATCH = 256;
    private static final int QUEUE = 10_000;
    private static final Duration LINGER = Duration.ofMillis(5);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration STALLED = Duration.ofSeconds(1);

    /** What the writer writes. */
    sealed interface Item {
    }

    /** A call admitted on a lease, recorded while it runs. */
    record Hold(ObjectNode record) implements Item {
    }

    /**
     * One call to settle: its ledger rows and the tokens it used, for the rate limits; for a call
     * admitted on a lease, its part of the lease and its record.
     */
    record Settlement(CallPlan plan, Metering.CallResult result, ArrayNode rows, long usedTokens, Leases.Hold hold,
                      ObjectNode record) implements Item {
    }

    private final MeterStore store;
    private final CallMetrics metrics;
    private final Leases leases;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile boolean stopping;
    private volatile boolean failing;
    /** When the batch being written was taken (0: none is): one that takes long means the database is not answering. */
    private volatile long writingSince;

    /** {@code leases}: also so that Spring stops this first, and the leases after it. */
    Settlements(MeterStore store, CallMetrics metrics, Leases leases) {
        this.store = store;
        this.metrics = metrics;
        this.leases = leases;
        this.writer = Thread.ofPlatform().name("qm-settlements").daemon().start(this::run);
    }

    /** Queues an item; a full queue makes the caller wait (back-pressure, nothing dropped, nothing out of order). */
    void submit(Item item) {
        try {
            if (writer.isAlive()) {
                queue.put(item);
            } else if (!write(List.of(item))) {   // after shutdown's drain: the sweep settles it after expiry
                log.warn("a call finishing after the metering stopped could not be settled; the sweep settles it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write(List.of(item));
        }
    }

    private void run() {
        List<Item> batch = new ArrayList<>(BATCH);
        while (!stopping || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Item first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    gather(batch);
                }
                if (write(batch)) {
                    batch.clear();
                } else {
                    Thread.sleep(RETRY);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Adds what arrives within {@link #LINGER} of the first, so calls a moment apart share a commit. */
    private void gather(List<Item> batch) throws InterruptedException {
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (batch.size() < BATCH) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= BATCH || left <= 0) {
                return;
            }
            Item next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    /** Writes a batch; false if the database refused it (nothing of it was written). */
    private boolean write(List<Item> batch) {
        List<Settlement> calls = new ArrayList<>();
        for (Item item : batch) {
            if (item instanceof Settlement settlement) {
                calls.add(settlement);
            }
        }
        calls.sort(Comparator.comparing((Settlement s) -> s.plan().caller().userId()).thenComparing(s -> s.plan().requestId()));
        Set<String> settled = new HashSet<>();
        calls.forEach(call -> settled.add(call.plan().requestId()));
        ArrayNode holds = Json.MAPPER.createArrayNode();
        for (Item item : batch) {
            if (item instanceof Hold hold && !settled.contains(hold.record().path("request_id").asString())) {
                holds.add(hold.record());
            }
        }
        List<Long> costs;
        if (writingSince == 0) {
            writingSince = System.nanoTime();
        }
        try {
            costs = store.write(holds, calls);
        } catch (DataAccessException e) {
            failing = true;
            log.warn("{} metering rows could not be written now; trying again: {}", batch.size(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            failing = true;   // nothing is dropped: a call not in the ledger would be a call not paid for
            log.error("{} metering rows could not be written; trying again", batch.size(), e);
            return false;
        }
        long took = System.nanoTime() - writingSince;
        if (took > STALLED.toNanos()) {
            log.warn("a batch of {} metering rows took {} ms to write; calls on leases were refused meanwhile",
                    batch.size(), TimeUnit.NANOSECONDS.toMillis(took));
        }
        failing = false;
        writingSince = 0;
        for (int i = 0; i < calls.size(); i++) {
            Settlement call = calls.get(i);
            if (call.hold() != null) {
                leases.settled(call.hold(), costs.get(i));
            }
            metrics.record(call.plan(), call.result(), costs.get(i));
        }
        return true;
    }

    /**
     * Whether the database is not taking the metering's rows: the last write failed, or the one under
     * way has taken over a second. Then no call is admitted that could not be recorded.
     */
    boolean failing() {
        long since = writingSince;
        return failing || since != 0 && System.nanoTime() - since > STALLED.toNanos();
    }

    /** On shutdown: what is queued is written, and later items are written by their callers. */
    @PreDestroy
    void drain() throws InterruptedException {
        stopping = true;
        writer.join(TimeUnit.SECONDS.toMillis(30));
        List<Item> late = new ArrayList<>();
        queue.drainTo(late);   // put while the writer was finishing
        if (!late.isEmpty() && !writer.isAlive() && !write(late)) {
            log.warn("{} metering rows could not be written at shutdown; the sweep settles their calls", late.size());
        }
    }
}
