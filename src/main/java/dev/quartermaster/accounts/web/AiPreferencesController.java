package dev.quartermaster.accounts.web;

import dev.quartermaster.platform.SnakeCaseJson;
import dev.quartermaster.accounts.ModelAccess;
import dev.quartermaster.accounts.MyAccount;
import dev.quartermaster.accounts.preferences.BudgetView;
import dev.quartermaster.accounts.preferences.Budgets;
import dev.quartermaster.accounts.preferences.Limits;
import dev.quartermaster.accounts.preferences.Preferences;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.platform.CheckedBody;
import dev.quartermaster.platform.Money;
import dev.quartermaster.platform.Text;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /v1/ai/preferences} (seed 000): the caller's preferred model and budget limits. */
@RestController
@SignedIn
@RequestMapping("/v1/ai/preferences")
@SnakeCaseJson
class AiPreferencesController {

    /** {@code model_available} turns false when the preferred model leaves the catalog or the caller's tier. */
    record PreferencesView(String model, boolean modelAvailable, BudgetView budget) {
    }

    private final Preferences preferences;
    private final Budgets budgets;
    private final ModelAccess access;
    private final MyAccount account;

    AiPreferencesController(Preferences preferences, Budgets budgets, ModelAccess access, MyAccount account) {
        this.preferences = preferences;
        this.budgets = budgets;
        this.access = access;
        this.account = account;
    }

    @GetMapping
    PreferencesView get(Caller caller) {
        String model = preferences.model(caller.userId()).orElse(null);
        return new PreferencesView(model, model != null && access.visible(caller.tier(), model).isPresent(),
                budgets.of(caller.userId(), caller.tier()));
    }

    /** An unknown model is a 404, one above the caller's tier a 403; otherwise it is stored. */
    @CheckedBody
    record PreferredModel(@NotBlank(message = Text.REQUIRED) String model) {
    }

    /** A personal cap replaces the previous one whole; a field left out is no cap. */
    @CheckedBody(closed = true)
    record PersonalCap(@Money BigDecimal monthlyLimit,
                       @Money BigDecimal dailyLimit) {
    }

    @PutMapping("/model")
    PreferencesView setModel(Caller caller, @RequestBody PreferredModel request) {
        account.setPreferredModel(caller, request.model());
        return get(caller);
    }

    /** A personal cap: {@code monthly_limit} and {@code daily_limit} in USD, at most what admins allow; null for none. */
    @PutMapping("/budget")
    BudgetView setBudget(Caller caller, @RequestBody PersonalCap cap) {
        return budgets.setPersonal(caller, new Limits(cap.monthlyLimit(), cap.dailyLimit()));
    }
}
