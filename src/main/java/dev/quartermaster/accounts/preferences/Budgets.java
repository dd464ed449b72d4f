package dev.quartermaster.accounts.preferences;

import dev.quartermaster.accounts.BudgetLimits;
import dev.quartermaster.accounts.preferences.BudgetStore.UserLimits;
import dev.quartermaster.audit.AuditLog;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Containment;
import dev.quartermaster.identity.Directory;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.FieldChanges;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Budget limits per tier and per user (admins), and each user's personal cap below them. */
@Service
public class Budgets {

    private final BudgetStore store;
    private final Tiers tiers;
    private final Directory directory;
    private final Containment containment;
    private final AuditLog audit;
    private final Changes changes;

    Budgets(BudgetStore store, Tiers tiers, Directory directory, Containment containment, AuditLog audit, Changes changes) {
        this.store = store;
        this.tiers = tiers;
        this.directory = directory;
        this.containment = containment;
        this.audit = audit;
        this.changes = changes;
    }

    public BudgetView of(UUID userId, String tier) {
        return BudgetView.of(tier(tier), store.user(userId, UserLimits.ADMIN), store.user(userId, UserLimits.PERSONAL),
                store.spent(userId));
    }

    public Map<String, Limits> tiers() {
        Map<String, Limits> set = store.tiers();
        return tiers.all().stream().collect(Collectors.toMap(t -> t.name(), t -> set.getOrDefault(t.name(), Limits.NONE),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    Limits tier(String tier) {
        return store.tier(tier);
    }

    @Transactional
    public Limits setTier(String tier, PatchRequest body, Caller caller) {
        tiers.find(tier).orElseThrow(() -> ApiException.notFound("no tier " + tier));
        containment.mayManageTier(caller, tier);
        Limits before = tier(tier);
        Limits limits = patched(before, body);
        store.setTier(tier, limits);
        recordChange(caller, "tier_budget", tier, before, limits);
        changes.publish(BudgetLimits.TOPIC);
        return limits;
    }

    public Limits user(UUID userId) {
        requireUser(userId);
        return store.user(userId, UserLimits.ADMIN);
    }

    /** A user's limits are managed like the user: only by someone who may manage them. */
    @Transactional
    public Limits setUser(UUID userId, PatchRequest body, Caller caller) {
        requireUser(userId);
        containment.mayManage(caller, userId);
        Limits before = store.user(userId, UserLimits.ADMIN);
        Limits limits = patched(before, body);
        store.setUser(userId, UserLimits.ADMIN, limits);
        recordChange(caller, "user_budget", userId.toString(), before, limits);
        changes.publish(BudgetLimits.TOPIC);
        return limits;
    }

    private void recordChange(Caller caller, String type, String target, Limits before, Limits after) {
        Map<String, Object> changed = FieldChanges.between(describe(before), describe(after));
        if (!changed.isEmpty()) {
            audit.record(caller, "update", type, target, changed);
        }
    }

    private static Map<String, Object> describe(Limits limits) {
        return FieldChanges.of("monthlyLimit", FieldChanges.plain(limits.monthlyLimit()),
                "dailyLimit", FieldChanges.plain(limits.dailyLimit()));
    }

    /** A personal cap may lower the allowed limits, never raise them. */
    public BudgetView setPersonal(Caller caller, Limits cap) {
        Limits personal = new Limits(cents(cap.monthlyLimit()), cents(cap.dailyLimit()));
        Limits allowed = BudgetView.allowed(tier(caller.tier()), store.user(caller.userId(), UserLimits.ADMIN));
        List<FieldError> errors = new ArrayList<>();
        above("monthly_limit", personal.monthlyLimit(), allowed.monthlyLimit(), errors);
        above("daily_limit", personal.dailyLimit(), allowed.dailyLimit(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        store.setUser(caller.userId(), UserLimits.PERSONAL, personal);
        changes.publish(BudgetLimits.TOPIC);
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
}
