package dev.quartermaster.accounts.preferences;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Directory;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Budget limits per tier and per user (admins), and each user's personal cap below them. */
@Service
public class Budgets {

    private final JdbcClient jdbc;
    private final Tiers tiers;
    private final Directory directory;

    Budgets(JdbcClient jdbc, Tiers tiers, Directory directory) {
        this.jdbc = jdbc;
        this.tiers = tiers;
        this.directory = directory;
    }

    public BudgetView of(UUID userId, String tier) {
        return BudgetView.of(tier(tier), user(userId, "monthly_limit", "daily_limit"),
                user(userId, "personal_monthly_limit", "personal_daily_limit"));
    }

    public Map<String, Limits> tiers() {
        Map<String, Limits> set = jdbc.sql("select tier, monthly_limit, daily_limit from tier_budgets")
                .query((rs, n) -> Map.entry(rs.getString(1), new Limits(rs.getBigDecimal(2), rs.getBigDecimal(3))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return tiers.all().stream().collect(Collectors.toMap(t -> t.name(), t -> set.getOrDefault(t.name(), Limits.NONE),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    Limits tier(String tier) {
        return jdbc.sql("select monthly_limit, daily_limit from tier_budgets where tier = ?").param(tier)
                .query((rs, n) -> new Limits(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional().orElse(Limits.NONE);
    }

    public Limits setTier(String tier, PatchRequest body) {
        tiers.find(tier).orElseThrow(() -> ApiException.notFound("no tier " + tier));
        Limits limits = patched(tier(tier), body);
        jdbc.sql("""
                insert into tier_budgets (tier, monthly_limit, daily_limit) values (?, ?, ?)
                on conflict (tier) do update set monthly_limit = excluded.monthly_limit,
                       daily_limit = excluded.daily_limit, updated_at = now()
                """).params(tier, limits.monthlyLimit(), limits.dailyLimit()).update();
        return limits;
    }

    public Limits user(UUID userId) {
        requireUser(userId);
        return user(userId, "monthly_limit", "daily_limit");
    }

    public Limits setUser(UUID userId, PatchRequest body) {
        requireUser(userId);
        Limits limits = patched(user(userId, "monthly_limit", "daily_limit"), body);
        upsertUser(userId, "monthly_limit", "daily_limit", limits);
        return limits;
    }

    /** A personal cap may lower the allowed limits, never raise them. */
    public BudgetView setPersonal(Caller caller, Limits cap) {
        Limits personal = new Limits(cents(cap.monthlyLimit()), cents(cap.dailyLimit()));
        Limits allowed = BudgetView.allowed(tier(caller.tier()), user(caller.userId(), "monthly_limit", "daily_limit"));
        List<FieldError> errors = new ArrayList<>();
        above("monthly_limit", personal.monthlyLimit(), allowed.monthlyLimit(), errors);
        above("daily_limit", personal.dailyLimit(), allowed.dailyLimit(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        upsertUser(caller.userId(), "personal_monthly_limit", "personal_daily_limit", personal);
        return of(caller.userId(), caller.tier());
    }

    /** A {@link dev.quartermaster.platform.Money} amount, as the database stores it. */
    private static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2);
    }

    private void requireUser(UUID userId) {
        if (!directory.userExists(userId)) {
            throw ApiException.notFound("no user " + userId);
        }
    }

    /** The admin API's partial update: camelCase like the rest of it, an absent field unchanged. */
    private static Limits patched(Limits current, PatchRequest body) {
        return read(body, "monthlyLimit", "dailyLimit", current);
    }

    private static Limits read(PatchRequest body, String monthly, String daily, Limits absent) {
        body.allowOnly(Set.of(monthly, daily));
        Limits limits = new Limits(body.has(monthly) ? body.amount(monthly) : absent.monthlyLimit(),
                body.has(daily) ? body.amount(daily) : absent.dailyLimit());
        body.validate();
        return limits;
    }

    private static void above(String field, BigDecimal wanted, BigDecimal allowed, List<FieldError> errors) {
        if (wanted != null && allowed != null && wanted.compareTo(allowed) > 0) {
            errors.add(new FieldError(field, "must not exceed your limit of " + allowed.toPlainString() + " USD"));
        }
    }

    private Limits user(UUID userId, String monthly, String daily) {
        return jdbc.sql("select " + monthly + ", " + daily + " from user_budgets where user_id = ?").param(userId)
                .query((rs, n) -> new Limits(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional().orElse(Limits.NONE);
    }

    /** Column names come from this class, never from a request. */
    private void upsertUser(UUID userId, String monthly, String daily, Limits limits) {
        jdbc.sql("insert into user_budgets (user_id, " + monthly + ", " + daily + ") values (?, ?, ?)"
                        + " on conflict (user_id) do update set " + monthly + " = excluded." + monthly + ", "
                        + daily + " = excluded." + daily + ", updated_at = now()")
                .params(userId, limits.monthlyLimit(), limits.dailyLimit()).update();
    }
}
