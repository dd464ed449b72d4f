package dev.quartermaster.egress;

import java.time.Duration;

/** An {@link Egress} without Spring, for unit tests of rules that judge URLs through it; destroy it after. */
public final class TestEgress {

    private TestEgress() {
    }

    public static Egress of(boolean allowPrivate) {
        return new Egress(new EgressProperties(allowPrivate, Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, 100));
    }
}
