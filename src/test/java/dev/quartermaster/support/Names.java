package dev.quartermaster.support;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh names and numbers for what tests create on the shared server, which keeps everything
 * earlier tests (and, on an external database, earlier runs) made: a counter for this JVM and a
 * random part against other runs.
 */
public final class Names {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Above the default tiers' ranks; a random start per run so that runs on one database do not meet. */
    private static final int RANK_BASE = 1_000_000 + RANDOM.nextInt(1_000_000_000);

    private Names() {
    }

    /** {@code prefix-<n>-<8 hex>}: lowercase when the prefix is, at most 20 characters beyond it. */
    public static String unique(String prefix) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + HexFormat.of().formatHex(random);
    }

    /** A number no other call of this run returns, for values that must be unique (a tier's rank). */
    public static int uniqueRank() {
        return RANK_BASE + COUNTER.incrementAndGet();
    }
}
