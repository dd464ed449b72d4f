package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.gateway.wire.Usage;
import java.time.Duration;

/**
 * The two metering steps around an upstream call: {@link #reserve} before the first attempt (it may
 * refuse the call by throwing an {@code ApiException}), {@link #settle} exactly once after the
 * call, whatever happened, in work the client's disconnect cannot cancel.
 */
public interface Metering {

    Reservation reserve(CallPlan plan);

    void settle(Reservation reservation, CallResult result);

    /** What a reservation holds until it is settled; the metering's own. */
    interface Reservation {
    }

    /**
     * How a call ended. {@code status}: the upstream's status of the last attempt (0 if none answered);
     * {@code completed}: the answer reached its end; {@code clientGone}: the client disconnected first.
     */
    record CallResult(int status, Usage usage, int attempts, boolean streamed, boolean completed, boolean clientGone,
                      Duration latency, Duration firstToken) {
    }
}
