package dev.quartermaster.accounts.web;

import dev.quartermaster.accounts.preferences.Budgets;
import dev.quartermaster.accounts.preferences.Limits;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/system/budgets}: limits per tier and per user, in USD, in the system API's style
 * (camelCase, PATCH changes only what it sends, {@code null} means no limit).
 */
@RestController
@RequestMapping("/api/v1/system/budgets")
class BudgetAdminController {

    record LimitsView(BigDecimal monthlyLimit, BigDecimal dailyLimit) {

        static LimitsView of(Limits limits) {
            return new LimitsView(limits.monthlyLimit(), limits.dailyLimit());
        }
    }

    private final Budgets budgets;

    BudgetAdminController(Budgets budgets) {
        this.budgets = budgets;
    }

    @GetMapping("/tiers")
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<Map<String, LimitsView>> tiers() {
        Map<String, LimitsView> views = new LinkedHashMap<>();
        budgets.tiers().forEach((tier, limits) -> views.put(tier, LimitsView.of(limits)));
        return Envelope.of(views);
    }

    @PatchMapping("/tiers/{tier}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<LimitsView> setTier(Caller caller, @PathVariable String tier, @RequestBody JsonNode body) {
        return Envelope.of(LimitsView.of(budgets.setTier(tier, PatchRequest.of(body), caller)));
    }

    @GetMapping("/users/{userId}")
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<LimitsView> user(@PathVariable UUID userId) {
        return Envelope.of(LimitsView.of(budgets.user(userId)));
    }

    @PatchMapping("/users/{userId}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<LimitsView> setUser(Caller caller, @PathVariable UUID userId, @RequestBody JsonNode body) {
        return Envelope.of(LimitsView.of(budgets.setUser(userId, PatchRequest.of(body), caller)));
    }
}
