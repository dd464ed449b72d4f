package dev.quartermaster.accounts;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/system/budgets}: limits per tier and per user; {@code null} means no limit. */
@RestController
@RequestMapping("/api/v1/system/budgets")
class BudgetAdminController {

    private final Budgets budgets;

    BudgetAdminController(Budgets budgets) {
        this.budgets = budgets;
    }

    @GetMapping("/tiers")
    Envelope<Map<String, Limits>> tiers(Caller caller) {
        caller.require(Permissions.USERS_READ);
        return Envelope.of(budgets.tiers());
    }

    @PutMapping("/tiers/{tier}")
    Envelope<Limits> setTier(Caller caller, @PathVariable String tier, @RequestBody JsonNode body) {
        caller.require(Permissions.USERS_UPDATE);
        return Envelope.of(budgets.setTier(tier, PatchRequest.of(body)));
    }

    @GetMapping("/users/{userId}")
    Envelope<Limits> user(Caller caller, @PathVariable UUID userId) {
        caller.require(Permissions.USERS_READ);
        return Envelope.of(budgets.user(userId));
    }

    @PutMapping("/users/{userId}")
    Envelope<Limits> setUser(Caller caller, @PathVariable UUID userId, @RequestBody JsonNode body) {
        caller.require(Permissions.USERS_UPDATE);
        return Envelope.of(budgets.setUser(userId, PatchRequest.of(body)));
    }
}
