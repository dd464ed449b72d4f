package dev.quartermaster.accounts.preferences;

import dev.quartermaster.platform.SnakeCaseJson;
import java.math.BigDecimal;

/**
 * A user's budget: the effective limits, and where they come from, and what was spent against
 * them. The admin's limit for the user replaces the tier's; the user's personal cap can only
 * lower it.
 */
@SnakeCaseJson
public record BudgetView(String currency, BigDecimal monthlyLimit, BigDecimal dailyLimit, Limits tier, Limits user,
                  Limits personal, Spent spent) {

    /** Settled spend in USD of the current UTC day and month, all key sources (in-flight calls are not in it). */
    public record Spent(BigDecimal day, BigDecimal month) {
    }

    static BudgetView of(Limits tier, Limits user, Limits personal, Spent spent) {
        Limits allowed = allowed(tier, user);
        Limits effective = allowed.tighter(personal);
        return new BudgetView("USD", effective.monthlyLimit(), effective.dailyLimit(), tier, user, personal, spent);
    }

    /** What an admin allows: the user's own limits where set, else the tier's. */
    static Limits allowed(Limits tier, Limits user) {
        return new Limits(user.monthlyLimit() != null ? user.monthlyLimit() : tier.monthlyLimit(),
                user.dailyLimit() != null ? user.dailyLimit() : tier.dailyLimit());
    }
}
