package dev.quartermaster.gateway.metering;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles reservations whose server died (or lost the database) before settling them, once they
 * are past their expiry: at the full reserved amount, flagged {@code usage_unknown}. Every server
 * sweeps; they skip each other's rows.
 */
@Component
class Sweeper {

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);
    private static final int STEPS = 100;

    private final MeterStore store;

    Sweeper(MeterStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${qm.metering.sweep-every:PT5S}", initialDelayString = "${qm.metering.sweep-every:PT5S}")
    void sweep() {
        try {
            int settled = 0;
            for (int step = 0, calls = 0; step < STEPS && calls >= 0; step++) {
                calls = store.expireNext();
                settled += Math.max(calls, 0);
            }
            if (settled > 0) {
                log.warn("settled {} abandoned reservations at their full amount (usage unknown)", settled);
            }
        } catch (DataAccessException e) {
            log.warn("the sweep of abandoned reservations failed, next try in a moment: {}", e.getMessage());
        }
    }
}
