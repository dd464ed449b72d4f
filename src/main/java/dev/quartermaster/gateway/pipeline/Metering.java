package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.gateway.wire.Usage;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The two metering steps around an upstream call: {@link #reserve} before the first attempt (it
 * may refuse the call by throwing an {@code ApiException}, and it sets the request's output bound
 * on {@code plan.chat()}), {@link #settle} exactly once after the call, whatever happened, in work
 * the client's disconnect cannot cancel. {@link #quote} answers what {@code reserve} would do, and
 * does nothing.
 */
public interface Metering {

    /** {@code response}: where the rate limits' headers go, before any byte of the answer. */
    Reservation reserve(CallPlan plan, HttpServletResponse response);

    void settle(Reservation reservation, CallResult result);

    Quote quote(CallPlan plan);

    /** What a reservation holds until it is settled; the metering's own. */
    interface Reservation {
    }

    /** {@code amount}: the reserved upper bound in nano-USD; {@code outcome}: "ok" or why it would be refused. */
    record Quote(long amountNano, long inputTokens, long outputTokens, String outcome, String detail) {
    }

    /** One upstream attempt: which profile and key, the status it answered (0: none), how long it took. */
    record Attempt(int number, String provider, UUID profileId, String keySource, int status, Duration latency) {
    }

    /**
     * How a call ended. {@code status}: the upstream's status of the last attempt (0 if none answered);
     * {@code completed}: the answer reached its end; {@code clientGone}: the client disconnected first;
     * {@code attempts}: every attempt made, the answering one last; {@code outputBytes}: UTF-8 bytes of
     * answer text (and tool arguments) relayed, for an estimate when the upstream never said.
     */
    record CallResult(int status, Usage usage, boolean streamed, boolean completed, boolean clientGone,
                      Duration latency, Duration firstToken, List<Attempt> attempts, long outputBytes) {

        public CallResult {
            attempts = List.copyOf(attempts);
        }
    }
}
