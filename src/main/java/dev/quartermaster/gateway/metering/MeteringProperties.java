package dev.quartermaster.gateway.metering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code QM_METERING_*}.
 *
 * @param defaultMaxTokens the output bound sent upstream (and reserved) when a request sets none
 * @param reservationExpiry how long after its start a reservation is considered abandoned (its
 *                          server died) and settled by any server at the full amount; longer than
 *                          the gateway's total deadline
 * @param sweepEvery how often each server looks for abandoned reservations
 * @param inFlightRetryAfter the {@code Retry-After} of a call refused only because of calls in flight
 */
@ConfigurationProperties("qm.metering")
public record MeteringProperties(@DefaultValue("4096") int defaultMaxTokens,
                                 @DefaultValue("11m") Duration reservationExpiry,
                                 @DefaultValue("5s") Duration sweepEvery,
                                 @DefaultValue("2s") Duration inFlightRetryAfter) {

    public MeteringProperties {
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("qm.metering.default-max-tokens must be at least 1");
        }
    }
}
