package dev.quartermaster.identity.authentication;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.BiPredicate;

/**
 * Checks passwords against their bcrypt hashes, at most {@code bound} at a time (each one holds a
 * core for tens of milliseconds): a check beyond the bound is refused at once, never queued, so a
 * burst of sign-ins cannot take every core or build a growing queue.
 */
final class PasswordChecks {

    private final Semaphore slots;
    private final BiPredicate<String, String> matcher;

    PasswordChecks(int bound, BiPredicate<String, String> matcher) {
        this.slots = new Semaphore(Math.max(1, bound));
        this.matcher = matcher;
    }

    /** Whether {@code raw} matches {@code hash}; empty when every slot is taken. */
    Optional<Boolean> matches(String raw, String hash) {
        if (!slots.tryAcquire()) {
            return Optional.empty();
        }
        try {
            return Optional.of(matcher.test(raw, hash));
        } finally {
            slots.release();
        }
    }
}
