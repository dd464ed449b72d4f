package dev.quartermaster.platform;

import java.math.BigDecimal;

/** Amounts metered in nano-USD (1e-9 USD, integers) as the USD amounts the APIs show. */
public final class Usd {

    private Usd() {
    }

    /** Exact, without trailing zeros and never in exponent form ({@code 10}, not {@code 1E+1}). */
    public static BigDecimal ofNano(long nano) {
        BigDecimal usd = BigDecimal.valueOf(nano, 9).stripTrailingZeros();
        return usd.scale() < 0 ? usd.setScale(0) : usd;
    }
}
