package dev.quartermaster.accounts;

import dev.quartermaster.accounts.preferences.Budgets;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.PatchRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Budget limits per tier and per user for a surface other than the admin API (the web console),
 * under the same rules, containment and audit entries as {@code /api/v1/system/budgets}, in its field
 * names ({@code monthlyLimit}, {@code dailyLimit}). The caller's permission is the surface's to check.
 */
@Service
public class BudgetAdmin {

    /** Limits in the ledger's currency; null is no limit. */
    public record Limits(BigDecimal monthlyLimit, BigDecimal dailyLimit) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Budgets budgets;

    BudgetAdmin(Budgets budgets) {
        this.budgets = budgets;
    }

    public Map<String, Limits> tiers() {
        Map<String, Limits> all = new LinkedHashMap<>();
        budgets.tiers().forEach((tier, l) -> all.put(tier, new Limits(l.monthlyLimit(), l.dailyLimit())));
        return all;
    }

    public Limits user(UUID userId) {
        var l = budgets.user(userId);
        return new Limits(l.monthlyLimit(), l.dailyLimit());
    }

    /** Both limits as typed (an amount such as 12.50, or empty for none). */
    public Limits setTier(String tier, String monthly, String daily, Caller caller) {
        var l = budgets.setTier(tier, body(monthly, daily), caller);
        return new Limits(l.monthlyLimit(), l.dailyLimit());
    }

    public Limits setUser(UUID userId, String monthly, String daily, Caller caller) {
        var l = budgets.setUser(userId, body(monthly, daily), caller);
        return new Limits(l.monthlyLimit(), l.dailyLimit());
    }

    private static PatchRequest body(String monthly, String daily) {
        ObjectNode body = JSON.createObjectNode();
        amount(body, "monthlyLimit", monthly);
        amount(body, "dailyLimit", daily);
        return PatchRequest.of(body);
    }

    private static void amount(ObjectNode body, String field, String text) {
        if (text == null || text.isBlank()) {
            body.putNull(field);
            return;
        }
        try {
            body.put(field, new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "must be an amount such as 12.50, or empty for no limit");
        }
    }
}
