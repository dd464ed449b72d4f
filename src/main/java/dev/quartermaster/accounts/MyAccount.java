package dev.quartermaster.accounts;

import dev.quartermaster.accounts.byok.ByokKey;
import dev.quartermaster.accounts.byok.ByokKeys;
import dev.quartermaster.accounts.preferences.BudgetView;
import dev.quartermaster.accounts.preferences.Budgets;
import dev.quartermaster.accounts.preferences.Preferences;
import dev.quartermaster.catalog.CatalogModel;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.providers.ProviderType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A user's own account, for a surface other than seed 000's (the web console), under the same
 * rules: the models their tier sees, their preferred model (unknown is a 404, above the tier a
 * 403), their own provider keys and their budget with what was spent against it.
 */
@Service
public class MyAccount {

    /** One of the user's own keys: never the key, at most its last four characters. */
    public record OwnKey(ProviderType provider, Boolean valid, String lastFour, OffsetDateTime createdAt) {
    }

    /** Effective limits (null: none) and settled spend of the current UTC day and month, in USD. */
    public record Budget(String currency, BigDecimal monthlyLimit, BigDecimal dailyLimit, BigDecimal spentToday,
                         BigDecimal spentThisMonth) {
    }

    private final ModelAccess access;
    private final Preferences preferences;
    private final ByokKeys keys;
    private final Budgets budgets;

    MyAccount(ModelAccess access, Preferences preferences, ByokKeys keys, Budgets budgets) {
        this.access = access;
        this.preferences = preferences;
        this.keys = keys;
        this.budgets = budgets;
    }

    public List<CatalogModel> models(Caller caller) {
        return access.visibleTo(caller.tier());
    }

    public Optional<String> preferredModel(Caller caller) {
        return preferences.model(caller.userId());
    }

    /** Seed 000's rule: an unknown model is a 404, one above the caller's tier a 403; otherwise it is stored. */
    public void setPreferredModel(Caller caller, String model) {
        if (model == null || model.isBlank()) {
            throw ApiException.invalid("model", "is required");
        }
        switch (access.verdict(caller.tier(), model)) {
            case UNKNOWN -> throw ApiException.notFound("no model " + model + " in the catalog");
            case ABOVE_TIER -> throw ApiException.forbidden("model " + model + " needs a higher tier than " + caller.tier());
            case ALLOWED -> preferences.setModel(caller.userId(), model);
        }
    }

    public List<OwnKey> keys(Caller caller) {
        return keys.list(caller).stream().map(MyAccount::own).toList();
    }

    /** Stores (or replaces) the caller's key for a provider; {@code validate} proves it with one real request first. */
    public OwnKey storeKey(Caller caller, String provider, String apiKey, boolean validate) {
        ProviderType type = ProviderType.parse(provider == null ? "" : provider)
                .orElseThrow(() -> ApiException.invalid("provider", "must be one of the provider types"));
        String key = apiKey == null ? "" : apiKey.strip();
        if (key.isEmpty()) {
            throw ApiException.invalid("apiKey", "is required");
        }
        if (key.length() > ByokKeys.KEY_LENGTH) {
            throw ApiException.invalid("apiKey", "must be at most " + ByokKeys.KEY_LENGTH + " characters");
        }
        return own(keys.store(caller, type, key, validate).key());
    }

    public void deleteKey(Caller caller, String provider) {
        keys.delete(caller, ProviderType.parse(provider == null ? "" : provider)
                .orElseThrow(() -> ApiException.notFound("you have no " + provider + " key")));
    }

    public Budget budget(Caller caller) {
        BudgetView view = budgets.of(caller.userId(), caller.tier());
        return new Budget(view.currency(), view.monthlyLimit(), view.dailyLimit(), view.spent().day(), view.spent().month());
    }

    private static OwnKey own(ByokKey key) {
        return new OwnKey(key.provider(), key.valid(), key.lastFour(), key.createdAt());
    }
}
