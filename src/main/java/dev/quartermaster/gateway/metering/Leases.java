package dev.quartermaster.gateway.metering;

import dev.quartermaster.accounts.BudgetLimits;
import dev.quartermaster.identity.Directory;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.Changes;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This process's budget leases: per user, one for calls paid by managed keys and one for the
 * user's own keys. A call whose bound fits in what its lease holds is admitted in memory; one that
 * does not extends the lease in one statement ({@code qm_lease}), which checks every limit as a
 * reservation would and grants a slice of several calls' worth. What a lease holds is reserved on
 * the user's windows, so settled plus reserved never exceeds a limit across processes. Settling a
 * call moves its cost out of the lease. Leases are renewed while this process lives, given back
 * when idle, when limits change and on shutdown; a lease that stops being renewed is no longer
 * used here after half its expiry, and swept by any server after all of it.
 */
@Component
class Leases {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private record Key(UUID user, boolean managed) {
    }

    /** One lease; its fields are guarded by its monitor. */
    static final class Lease {
        final UUID id = UUID.randomUUID();
        final Key key;
        final LocalDate day = LocalDate.now(ZoneOffset.UTC);
        long granted;
        long held;
        boolean unlimited;
        boolean taken;
        /** Asked for in the database at least once: it may be there even if no answer came back. */
        boolean asked;
        long takenAt;
        volatile boolean retired;
        long validUntil;
        long lastUsed = System.nanoTime();

        private Lease(Key key) {
            this.key = key;
        }

        private boolean usable(long now) {
            return !retired && (!taken || now - validUntil < 0) && day.equals(LocalDate.now(ZoneOffset.UTC));
        }

        UUID id() {
            return id;
        }

        LocalDate day() {
            return day;
        }
    }

    /** A call's part of a lease (its bound), or why the lease could not be extended to hold it. */
    record Hold(Lease lease, long amountNano, MeterStore.Reserved refusal) {
    }

    private final UUID holder = UUID.randomUUID();
    private final Map<Key, Lease> current = new ConcurrentHashMap<>();
    private final Set<Lease> all = ConcurrentHashMap.newKeySet();
    private final MeterStore store;
    private final MeteringProperties properties;
    private volatile long lastRenewal = System.nanoTime();
    private long retryAt = System.nanoTime();

    Leases(MeterStore store, MeteringProperties properties, Changes changes) {
        this.store = store;
        this.properties = properties;
        changes.subscribe(BudgetLimits.TOPIC, this::retireAll);
        changes.subscribe(Tiers.TOPIC, this::retireAll);
        changes.subscribe(Directory.TOPIC, this::retireAll);
    }

    /** Holds {@code amountNano} of the user's lease for one call, extending the lease if it must. */
    Hold hold(UUID user, boolean managed, long amountNano) {
        Key key = new Key(user, managed);
        for (int attempt = 0; ; attempt++) {
            Lease lease = current.compute(key, (k, l) -> l != null && l.usable(System.nanoTime()) ? l : fresh(k, l));
            synchronized (lease) {
                if (!lease.usable(System.nanoTime())) {
                    continue;
                }
                if (lease.taken && (lease.unlimited || lease.held + amountNano <= lease.granted)) {
                    return held(lease, amountNano);
                }
                lease.asked = true;
                MeterStore.Leased answer = store.lease(lease.id, holder, user, managed, amountNano,
                        lease.held + amountNano - lease.granted, amountNano * properties.leaseCalls(), ttlSeconds(),
                        lease.taken);
                if (("stale".equals(answer.outcome()) || "gone".equals(answer.outcome())) && attempt < 2) {
                    lease.retired = true;
                    continue;
                }
                if (!"ok".equals(answer.outcome())) {
                    return new Hold(null, amountNano, new MeterStore.Reserved(answer.outcome(), amountNano, null, null,
                            answer.limitNano(), answer.period()));
                }
                lease.granted += answer.grantedNano();
                lease.unlimited = answer.unlimited();
                if (!lease.taken) {
                    lease.taken = true;
                    lease.takenAt = System.nanoTime();
                    lease.validUntil = lease.takenAt + ttlNanos() / 2;
                }
                return held(lease, amountNano);
            }
        }
    }

    /** Runs inside the map's compute: takes no lease's monitor (a lease's holder may be waiting on the map). */
    private Lease fresh(Key key, Lease old) {
        if (old != null) {
            old.retired = true;
        }
        Lease lease = new Lease(key);
        all.add(lease);
        return lease;
    }

    private static Hold held(Lease lease, long amountNano) {
        lease.held += amountNano;
        lease.lastUsed = System.nanoTime();
        return new Hold(lease, amountNano, null);
    }

    /** A held call was settled: its bound leaves the lease's use, and its cost (at most the bound) the lease. */
    void settled(Hold hold, Long costNano) {
        Lease lease = hold.lease();
        synchronized (lease) {
            lease.held -= hold.amountNano();
            if (!lease.unlimited) {
                lease.granted -= costNano == null ? hold.amountNano() : Math.min(costNano, hold.amountNano());
            }
        }
    }

    /** Limits changed: no new call goes on a lease taken under the old ones. */
    void retireAll() {
        for (Lease lease : all) {
            lease.retired = true;
        }
    }

    /** Renews the leases when a quarter of their expiry has passed, and gives back the idle and retired ones. */
    @Scheduled(fixedDelayString = "${qm.metering.lease-tick:PT0.25S}")
    void tick() {
        long now = System.nanoTime();
        if (now - retryAt < 0) {
            return;
        }
        try {
            if (now - lastRenewal >= ttlNanos() / 4 && !all.isEmpty()) {
                renew(now);
            }
            for (Lease lease : all) {
                giveBackIfIdle(lease, now);
            }
        } catch (DataAccessException e) {
            retryAt = now + Duration.ofSeconds(1).toNanos();   // the database is away: one line a second, not four
            log.warn("budget leases could not be renewed or given back now: {}", e.getMessage());
        }
    }

    private void renew(long start) {
        Set<UUID> live = Set.copyOf(store.renewLeases(holder, ttlSeconds()));
        lastRenewal = start;
        for (Lease lease : all) {
            synchronized (lease) {
                if (live.contains(lease.id)) {
                    lease.validUntil = start + ttlNanos() / 2;
                } else if (lease.taken && lease.takenAt - start < 0) {
                    lease.retired = true;   // swept: this process was cut off for longer than the expiry
                }
            }
        }
    }

    private void giveBackIfIdle(Lease lease, long now) {
        synchronized (lease) {
            boolean idle = now - lease.lastUsed >= properties.leaseIdle().toNanos();
            if (lease.held > 0 || !(lease.retired || idle || !lease.usable(now))) {
                return;
            }
            lease.retired = true;
            current.remove(lease.key, lease);
            if (lease.asked) {
                store.returnLease(lease.id);
            }
            all.remove(lease);
        }
    }

    /** After the settlements have drained ({@link Settlements} is stopped first): every lease goes back. */
    @PreDestroy
    void giveBackAll() {
        retireAll();
        try {
            for (Lease lease : all) {
                giveBackIfIdle(lease, System.nanoTime());
            }
        } catch (DataAccessException e) {
            log.warn("budget leases could not be given back; the sweep returns them after expiry: {}", e.getMessage());
        }
    }

    private int ttlSeconds() {
        return Math.toIntExact(properties.reservationExpiry().toSeconds());
    }

    private long ttlNanos() {
        return properties.reservationExpiry().toNanos();
    }
}
