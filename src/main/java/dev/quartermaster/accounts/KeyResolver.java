package dev.quartermaster.accounts;

import dev.quartermaster.accounts.byok.ByokKey;
import dev.quartermaster.accounts.byok.ByokKeys;
import dev.quartermaster.accounts.byok.ByokStore;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.CacheProperties;
import dev.quartermaster.platform.KeyedCache;
import dev.quartermaster.platform.Topic;
import dev.quartermaster.providers.ProfileSummary;
import dev.quartermaster.providers.ProviderProfiles;
import dev.quartermaster.providers.ProviderType;
import dev.quartermaster.secrets.Vault;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Answers "which key pays for this user's call to this provider" from memory: the user's BYOK
 * keys (cached per user, dropped when that user's keys change), the provider profiles and the
 * tiers (both in-memory snapshots). Opening the key itself is a separate, deliberate step.
 */
@Service
public class KeyResolver {

    public static final Topic TOPIC = new Topic("byok");

    private final ByokStore store;
    private final ProviderProfiles profiles;
    private final Tiers tiers;
    private final Vault vault;
    private final KeyedCache<UUID, Map<ProviderType, ByokKey>> byok;

    KeyResolver(ByokStore store, ProviderProfiles profiles, Tiers tiers, Vault vault,
                Changes changes, CacheProperties cache) {
        this.store = store;
        this.profiles = profiles;
        this.tiers = tiers;
        this.vault = vault;
        this.byok = KeyedCache.perKey(changes, TOPIC, 1_000_000, cache.credentialMaxAge(), UUID::fromString);
    }

    public KeyResolution resolve(UUID userId, String tier, ProviderType provider) {
        ByokKey own = byokOf(userId).get(provider);
        if (own != null && own.usable()) {
            return new KeyResolution.Byok(provider, own.id());
        }
        Optional<ProfileSummary> managed = managedProfile(provider);
        if (managed.isEmpty()) {
            return new KeyResolution.NotAvailable(provider, "no key of your own and no managed key for " + provider);
        }
        if (!tierAllowsManagedKeys(tier)) {
            return new KeyResolution.NotAvailable(provider, "your tier " + tier + " may not use managed keys");
        }
        return new KeyResolution.Managed(provider, managed.get().id());
    }

    /**
     * Which key pays for a call through one profile: the user's own key for its provider type, else
     * that profile's own key (a managed key only ever goes to the endpoint it was stored for) if the
     * tier allows managed keys. A keyless local provider (Ollama) needs no key at all.
     * {@code byokReachable}: whether the provider has a default endpoint a user's key may go to.
     */
    public KeyResolution resolveFor(UUID userId, String tier, ProfileSummary profile, boolean byokReachable) {
        ProviderType provider = profile.provider();
        ByokKey own = byokOf(userId).get(provider);
        if (own != null && own.usable() && byokReachable) {
            return new KeyResolution.Byok(provider, own.id());
        }
        if (!profile.hasKey() && provider.needsKey()) {
            return new KeyResolution.NotAvailable(provider, "no key of your own and no managed key for " + provider);
        }
        if (!tierAllowsManagedKeys(tier) && provider.needsKey()) {
            return new KeyResolution.NotAvailable(provider, "your tier " + tier + " may not use managed keys");
        }
        return new KeyResolution.Managed(provider, profile.id());
    }

    /** The clear key a resolution names, for the call it pays for. */
    public Optional<String> openKey(UUID userId, KeyResolution resolution) {
        return switch (resolution) {
            case KeyResolution.Byok b -> vault.open(ByokKeys.owner(b.keyId()));
            case KeyResolution.Managed m -> profiles.managedKey(m.profileId());
            case KeyResolution.NotAvailable n -> Optional.empty();
        };
    }

    public Map<ProviderType, ByokKey> byokOf(UUID userId) {
        return byok.get(userId, id -> {
            Map<ProviderType, ByokKey> keys = new EnumMap<>(ProviderType.class);
            store.of(id).forEach(k -> keys.put(k.provider(), k));
            return keys;
        });
    }

    /** The admin profile whose key is used as the managed key: the active one if it fits, else the oldest. */
    public Optional<ProfileSummary> managedProfile(ProviderType provider) {
        return profiles.all().stream()
                .filter(p -> p.provider() == provider && p.hasKey())
                .min(Comparator.comparing((ProfileSummary p) -> !p.active()).thenComparingLong(ProfileSummary::number));
    }

    public boolean tierAllowsManagedKeys(String tier) {
        return tiers.find(tier).map(Tier::managedKeys).orElse(false);
    }
}
