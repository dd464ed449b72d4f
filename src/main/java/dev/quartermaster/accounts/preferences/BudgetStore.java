package dev.quartermaster.accounts.preferences;

import dev.quartermaster.platform.Usd;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Budget limits: per tier in {@code tier_budgets}; per user in {@code user_budgets}, which holds two
 * pairs of columns, the limits an admin set and the user's own personal cap.
 */
@Repository
class BudgetStore {

    /** A pair of columns of {@code user_budgets}. */
    enum UserLimits {
        ADMIN("monthly_limit", "daily_limit"),
        PERSONAL("personal_monthly_limit", "personal_daily_limit");

        private final String monthly;
        private final String daily;

        UserLimits(String monthly, String daily) {
            this.monthly = monthly;
            this.daily = daily;
        }
    }

    private final JdbcClient jdbc;

    BudgetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The limits of every tier that has any, by tier name. */
    Map<String, Limits> tiers() {
        return jdbc.sql("select tier, monthly_limit, daily_limit from tier_budgets")
                .query((rs, n) -> Map.entry(rs.getString(1), new Limits(rs.getBigDecimal(2), rs.getBigDecimal(3))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Limits tier(String tier) {
        return jdbc.sql("select monthly_limit, daily_limit from tier_budgets where tier = ?").param(tier)
                .query((rs, n) -> new Limits(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional().orElse(Limits.NONE);
    }

    void setTier(String tier, Limits limits) {
        jdbc.sql("""
                insert into tier_budgets (tier, monthly_limit, daily_limit) values (?, ?, ?)
                on conflict (tier) do update set monthly_limit = excluded.monthly_limit,
                       daily_limit = excluded.daily_limit, updated_at = now()
                """).params(tier, limits.monthlyLimit(), limits.dailyLimit()).update();
    }

    Limits user(UUID userId, UserLimits which) {
        return jdbc.sql("select " + which.monthly + ", " + which.daily + " from user_budgets where user_id = ?")
                .param(userId)
                .query((rs, n) -> new Limits(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional().orElse(Limits.NONE);
    }

    /**
     * What the user spent this UTC day and month, from metering's {@code spend_windows} (plain data
     * to this module; the windows the gateway's metering keeps): 0 for a window not opened yet.
     */
    BudgetView.Spent spent(UUID userId) {
        return jdbc.sql("""
                select coalesce(sum(spent_nano) filter (where period = 'day'), 0),
                       coalesce(sum(spent_nano) filter (where period = 'month'), 0)
                from spend_windows
                where user_id = ? and ((period = 'day' and starts = (now() at time zone 'UTC')::date)
                    or (period = 'month' and starts = date_trunc('month', now() at time zone 'UTC')::date))
                """).param(userId)
                .query((rs, n) -> new BudgetView.Spent(Usd.ofNano(rs.getLong(1)), Usd.ofNano(rs.getLong(2)))).single();
    }

    /** Sets one pair of a user's limits, leaving the other pair as it is. */
    void setUser(UUID userId, UserLimits which, Limits limits) {
        String monthly = which.monthly;
        String daily = which.daily;
        jdbc.sql("insert into user_budgets (user_id, " + monthly + ", " + daily + ") values (?, ?, ?)"
                        + " on conflict (user_id) do update set " + monthly + " = excluded." + monthly + ", "
                        + daily + " = excluded." + daily + ", updated_at = now()")
                .params(userId, limits.monthlyLimit(), limits.dailyLimit()).update();
    }
}
