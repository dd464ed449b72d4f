package dev.quartermaster.gateway.metering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code QM_METERING_*}; {@code QM_METERING_SWEEP_EVERY} (ISO-8601, {@code PT5S}) is read by {@link Sweeper}.
 *
 * @param defaultMaxTokens the output bound sent upstream (and reserved) when a request sets none
 * @param reservationExpiry how long after its last renewal a budget lease (or after its start, a
 *                          call-by-call reservation) is considered abandoned (its server died) and
 *                          its calls settled by any server at their full bound; longer than the
 *                          gateway's total deadline
 * @param inFlightRetryAfter the {@code Retry-After} of a call refused only because of calls in flight
 * @param leaseCalls how many calls' worth of budget a process leases at once (each call's bound; at
 *                   most half of what a limit has free), so most calls are admitted in memory
 * @param leaseIdle how long an unused lease stays with its process before it goes back
 */
@ConfigurationProperties("qm.metering")
public record MeteringProperties(@DefaultValue("4096") int defaultMaxTokens,
                                 @DefaultValue("11m") Duration reservationExpiry,
                                 @DefaultValue("2s") Duration inFlightRetryAfter,
                                 @DefaultValue("32") int leaseCalls,
                                 @DefaultValue("1s") Duration leaseIdle) {

    public MeteringProperties {
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("qm.metering.default-max-tokens must be at least 1");
        }
        if (leaseCalls < 1) {
            throw new IllegalArgumentException("qm.metering.lease-calls must be at least 1");
        }
        if (reservationExpiry.toSeconds() < 2) {
            throw new IllegalArgumentException("qm.metering.reservation-expiry must be at least 2 seconds");
        }
    }
}
