package dev.quartermaster.providers.profile;

import dev.quartermaster.audit.AuditLog;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.providers.ProfileSummary;
import dev.quartermaster.providers.ProviderProfiles;
import dev.quartermaster.secrets.SecretOwner;
import dev.quartermaster.secrets.Vault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the one profile store behind both surfaces: keys sealed in the vault, exactly one
 * active profile, optimistic versions, and an audit entry with every change.
 */
@Service
public class ProfileService {

    static final String AUDIT_TYPE = "provider_profile";

    private final ProfileStore store;
    private final Vault vault;
    private final AuditLog audit;
    private final Changes changes;

    ProfileService(ProfileStore store, Vault vault, AuditLog audit, Changes changes) {
        this.store = store;
        this.vault = vault;
        this.audit = audit;
        this.changes = changes;
    }

    public List<Profile> list() {
        return store.list();
    }

    public List<ProfileSummary> summaries() {
        return store.summaries();
    }

    public Profile get(UUID id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("no provider profile " + id));
    }

    public Profile getByNumber(long number) {
        return store.findByNumber(number).orElseThrow(() -> ApiException.notFound("Configuration not found"));
    }

    public Optional<Profile> active() {
        return store.active();
    }

    /** The clear key of a profile, for a call made on its behalf. */
    public Optional<String> key(UUID id) {
        return vault.open(keyOwner(id));
    }

    @Transactional
    public Profile create(ProfileValues values, KeyChange key, boolean activate, Caller caller) {
        UUID id = store.insert(values);
        applyKey(id, key);
        Map<String, Object> details = describe(values);
        details.put("apiKey", key instanceof KeyChange.Replace ? "set" : "none");
        details.put("isActive", activate);
        if (activate) {
            details.put("deactivated", store.activate(id));
        }
        audit.record(caller, "create", AUDIT_TYPE, id.toString(), details);
        return changed(id);
    }

    /** Writes the whole configuration if the profile is still at {@code expectedVersion}, else 409. */
    @Transactional
    public Profile update(UUID id, int expectedVersion, ProfileValues values, KeyChange key, Boolean activate,
                          Caller caller) {
        Profile before = get(id);
        if (!store.update(id, expectedVersion, values)) {
            throw ApiException.conflict("the profile was changed by someone else; read it again and retry",
                    Map.of("currentVersion", get(id).version()));
        }
        applyKey(id, key);
        Map<String, Object> details = diff(describe(before.values()), describe(values));
        if (!(key instanceof KeyChange.Keep)) {
            details.put("apiKey", key instanceof KeyChange.Clear ? "cleared" : "replaced");
        }
        if (activate != null && activate != before.active()) {
            details.put("isActive", activate);
            if (activate) {
                details.put("deactivated", store.activate(id));
            } else {
                store.deactivate(id);
            }
        }
        audit.record(caller, "update", AUDIT_TYPE, id.toString(), details);
        return changed(id);
    }

    @Transactional
    public Profile delete(UUID id, Caller caller) {
        Profile profile = get(id);
        store.delete(id);
        Map<String, Object> details = describe(profile.values());
        details.put("wasActive", profile.active());
        audit.record(caller, "delete", AUDIT_TYPE, id.toString(), details);
        changes.publish(ProviderProfiles.TOPIC);
        return profile;
    }

    private void applyKey(UUID id, KeyChange key) {
        switch (key) {
            case KeyChange.Replace replace -> {
                vault.put(keyOwner(id), replace.key());
                store.setKeyState(id, true, lastFour(replace.key()));
            }
            case KeyChange.Clear clear -> {
                vault.remove(keyOwner(id));
                store.setKeyState(id, false, null);
            }
            case KeyChange.Keep keep -> {
            }
        }
    }

    private Profile changed(UUID id) {
        changes.publish(ProviderProfiles.TOPIC);
        return get(id);
    }

    static SecretOwner keyOwner(UUID id) {
        return new SecretOwner("provider_profiles", id.toString(), "api_key");
    }

    /** Only keys long enough that four characters reveal nothing useful show their end. */
    private static String lastFour(String key) {
        return key.length() >= 16 ? key.substring(key.length() - 4) : null;
    }

    private static Map<String, Object> describe(ProfileValues v) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("provider", v.provider().wireName());
        d.put("model", v.model());
        d.put("baseUrl", v.baseUrl());
        d.put("name", v.name());
        d.put("description", v.description());
        d.put("meta", v.meta());
        d.put("defaultSystemPrompt", v.defaultSystemPrompt());
        return d;
    }

    private static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!java.util.Objects.equals(before.get(field), value)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", before.get(field));
                change.put("to", value);
                changed.put(field, change);
            }
        });
        return changed;
    }
}
