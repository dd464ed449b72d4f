package dev.quartermaster.gateway.pipeline;

import org.springframework.stereotype.Component;

/** Until the metering issue lands: every call admitted, nothing recorded. */
@Component
class NoMetering implements Metering {

    private static final Reservation NONE = new Reservation() { };

    @Override
    public Reservation reserve(CallPlan plan) {
        return NONE;
    }

    @Override
    public void settle(Reservation reservation, CallResult result) {
        // nothing to record yet
    }
}
