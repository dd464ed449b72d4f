package dev.quartermaster.accounts.preferences;

import dev.quartermaster.platform.SnakeCaseJson;
import java.math.BigDecimal;

/** Spending limits in USD; null means no limit. */
@SnakeCaseJson
public record Limits(BigDecimal monthlyLimit, BigDecimal dailyLimit) {

    static final Limits NONE = new Limits(null, null);

    /** The tighter of two limits, where null is no limit. */
    static BigDecimal tighter(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.min(b);
    }

    Limits tighter(Limits other) {
        return new Limits(tighter(monthlyLimit, other.monthlyLimit), tighter(dailyLimit, other.dailyLimit));
    }
}
