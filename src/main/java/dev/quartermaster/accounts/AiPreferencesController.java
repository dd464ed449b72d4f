package dev.quartermaster.accounts;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.PatchRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /v1/ai/preferences} (seed 000): the caller's preferred model and budget limits. */
@RestController
@RequestMapping("/v1/ai/preferences")
class AiPreferencesController {

    record PreferencesView(String model, BudgetView budget) {
    }

    private final Preferences preferences;
    private final Budgets budgets;

    AiPreferencesController(Preferences preferences, Budgets budgets) {
        this.preferences = preferences;
        this.budgets = budgets;
    }

    @GetMapping
    PreferencesView get(Caller caller) {
        return new PreferencesView(preferences.model(caller.userId()).orElse(null),
                budgets.of(caller.userId(), caller.tier()));
    }

    /** A personal cap: {@code monthly_limit} and {@code daily_limit} in USD, at most what admins allow; null for none. */
    @PutMapping("/budget")
    BudgetView setBudget(Caller caller, @RequestBody JsonNode body) {
        return budgets.setPersonal(caller, PatchRequest.of(body));
    }
}
