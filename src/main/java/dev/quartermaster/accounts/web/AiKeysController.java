package dev.quartermaster.accounts.web;

import dev.quartermaster.accounts.KeyResolution;
import dev.quartermaster.accounts.KeyResolver;
import dev.quartermaster.accounts.byok.ByokKey;
import dev.quartermaster.accounts.byok.ByokKeys;
import dev.quartermaster.accounts.preferences.Budgets;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.SnakeCaseJson;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.CheckedBody;
import dev.quartermaster.platform.Text;
import dev.quartermaster.providers.ProviderType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/ai/keys} (seed 000): the caller's own provider keys and where each provider's key comes from. */
@RestController
@SnakeCaseJson
@SignedIn
@RequestMapping("/v1/ai/keys")
class AiKeysController {

    private final ByokKeys keys;
    private final KeyResolver resolver;
    private final Budgets budgets;
    private final Tiers tiers;

    AiKeysController(ByokKeys keys, KeyResolver resolver, Budgets budgets, Tiers tiers) {
        this.keys = keys;
        this.resolver = resolver;
        this.budgets = budgets;
        this.tiers = tiers;
    }

    @GetMapping
    KeyViews.KeyList list(Caller caller) {
        return new KeyViews.KeyList(keys.list(caller).stream().map(KeyViews.KeyView::of).toList());
    }

    /** {@code validate: true} proves the key with one real request before it is stored. */
    @CheckedBody
    record StoreKey(@NotNull(message = Text.REQUIRED) ProviderType provider,
                    @NotBlank(message = Text.REQUIRED)
                    @Size(max = ByokKeys.KEY_LENGTH, message = Text.AT_MOST) String apiKey,
                    Boolean validate) {

        @Override
        public String toString() {
            return "StoreKey[" + provider + ", ****]";
        }
    }

    @PostMapping
    ResponseEntity<KeyViews.KeyView> store(Caller caller, @RequestBody StoreKey request) {
        ByokKeys.Stored stored = keys.store(caller, request.provider(), request.apiKey().strip(),
                Boolean.TRUE.equals(request.validate()));
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(KeyViews.KeyView.of(stored.key()));
    }

    @DeleteMapping("/{provider}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String provider) {
        keys.delete(caller, ProviderType.parse(provider)
                .orElseThrow(() -> ApiException.notFound("you have no " + provider + " key")));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sources")
    KeyViews.Sources sources(Caller caller) {
        Map<ProviderType, ByokKey> own = resolver.byokOf(caller.userId());
        boolean tierAllows = resolver.tierAllowsManagedKeys(caller.tier());
        List<KeyViews.ProviderSources> providers = Arrays.stream(ProviderType.values()).map(type -> {
            ByokKey key = own.get(type);
            KeyResolution resolution = resolver.resolve(caller.userId(), caller.tier(), type);
            return new KeyViews.ProviderSources(type.wireName(),
                    new KeyViews.Own(key != null, key == null ? null : key.valid(), key == null ? null : key.createdAt()),
                    new KeyViews.Managed(resolver.managedProfile(type).isPresent(), tierAllows),
                    resolution.source(),
                    resolution instanceof KeyResolution.NotAvailable n ? n.reason() : null);
        }).toList();
        Tier tier = tiers.find(caller.tier()).orElseThrow();
        return new KeyViews.Sources(List.of("byok", "managed", "none"),
                new KeyViews.TierInfo(tier.name(), tier.managedKeys(), budgets.of(caller.userId(), caller.tier())),
                providers);
    }
}
