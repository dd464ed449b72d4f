package dev.quartermaster.accounts.byok;

import dev.quartermaster.accounts.KeyResolver;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.SharedRateLimits;
import dev.quartermaster.providers.ProbeResult;
import dev.quartermaster.providers.ProviderProbe;
import dev.quartermaster.providers.ProviderType;
import dev.quartermaster.secrets.SecretOwner;
import dev.quartermaster.secrets.Vault;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's own provider keys: sealed in the vault, optionally proven first with one real request
 * to the provider (which stores nothing if the key is refused), and only ever the caller's own.
 */
@Service
public class ByokKeys {

    public record Stored(ByokKey key, boolean created) {
    }

    /** The longest key accepted; providers' keys are far shorter. */
    public static final int KEY_LENGTH = 1000;

    static final String REFUSED = "the provider refused this key; nothing was stored";
    static final String UNREACHABLE = "the provider could not be reached to validate the key; nothing was stored";

    private final ByokStore store;
    private final Vault vault;
    private final ProviderProbe probe;
    private final Changes changes;
    private final TransactionTemplate tx;
    private final SharedRateLimits.Limiter validations;

    ByokKeys(ByokStore store, Vault vault, ProviderProbe probe, Changes changes, TransactionTemplate tx,
             SharedRateLimits limits) {
        this.store = store;
        this.vault = vault;
        this.probe = probe;
        this.changes = changes;
        this.tx = tx;
        this.validations = limits.limiter("key validations", 20, Duration.ofMinutes(1));
    }

    public static SecretOwner owner(UUID keyId) {
        return new SecretOwner("byok_keys", keyId.toString(), "api_key");
    }

    public List<ByokKey> list(Caller caller) {
        return store.of(caller.userId());
    }

    public Stored store(Caller caller, ProviderType provider, String apiKey, boolean validate) {
        Boolean valid = validate ? validated(caller, provider, apiKey) : null;
        return tx.execute(status -> {
            boolean created = store.find(caller.userId(), provider).isEmpty();
            ByokKey key = store.upsert(caller.userId(), provider, valid,
                    apiKey.length() >= 16 ? apiKey.substring(apiKey.length() - 4) : null);
            vault.put(owner(key.id()), apiKey);
            changes.publish(KeyResolver.TOPIC, caller.userId().toString());
            return new Stored(key, created);
        });
    }

    public void delete(Caller caller, ProviderType provider) {
        tx.executeWithoutResult(status -> {
            if (!store.delete(caller.userId(), provider)) {
                throw ApiException.notFound("you have no " + provider + " key");
            }
            changes.publish(KeyResolver.TOPIC, caller.userId().toString());
        });
    }

    /**
     * True if the provider took the key; a refused key is a 400, an unreachable provider a 502. The
     * caller learns only which of the three it was: nothing of the provider's answer, which would
     * make this a probe of whatever answers at the provider's endpoint.
     */
    private boolean validated(Caller caller, ProviderType provider, String apiKey) {
        if (probe.baseUrl(provider, null) == null) {
            throw ApiException.invalid("validate", provider + " keys cannot be validated: there is no default endpoint");
        }
        validations.acquire(caller.userId().toString(), "key validations");
        ProbeResult result = probe.checkKey(provider, apiKey);
        if (result.succeeded()) {
            return true;
        }
        Integer status = result.providerStatus();
        if (status != null && (status == 401 || status == 403)) {
            throw ApiException.invalid("api_key", REFUSED);
        }
        throw new ApiException(new ApiProblem(502, "Bad gateway", UNREACHABLE));
    }
}
