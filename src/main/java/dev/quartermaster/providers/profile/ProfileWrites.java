package dev.quartermaster.providers.profile;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import dev.quartermaster.providers.ProviderProbe;
import dev.quartermaster.providers.ProviderType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A profile write from either surface checked whole, in that surface's spelling: the body's own
 * field errors, the rules of seed 001 and the surface's extra requirements are one answer; only a
 * write without any error reaches {@link ProfileService}.
 */
@Service
public class ProfileWrites {

    private final ProfileService profiles;
    private final ProfileRules rules;
    private final ProviderProbe probe;
    private final JsonMapper json;

    ProfileWrites(ProfileService profiles, ProfileRules rules, ProviderProbe probe, JsonMapper json) {
        this.profiles = profiles;
        this.rules = rules;
        this.probe = probe;
        this.json = json;
    }

    public <T extends ProfileForm.Create> Profile create(ProfileForm form, Checked<T> body, Caller caller) {
        ProfileForm.Fields sent = body.sent().fields();
        KeyChange key = sent.token() == null ? KeyChange.KEEP : ProfileForm.keyChange(sent.token(), null);
        ProfileRules.Candidate candidate = form.candidate(sent, key);
        if (form.createNeedsNameAndBaseUrl()) {
            body.rejectAll(nameAndBaseUrl(form, candidate));
        }
        body.rejectAll(rules.check(candidate, form::name));
        ProfileForm.Fields valid = body.valid().fields();
        return profiles.create(ProfileRules.values(candidate), key, Boolean.TRUE.equals(valid.active()), caller);
    }

    /** A partial update of {@code current}; {@code mask} is what the surface shows for its key. */
    public Profile update(ProfileForm form, Profile current, PatchRequest body, String mask, Caller caller) {
        KeyChange key = form.keyChange(body, mask);
        ProfileRules.Candidate candidate = form.candidate(body, current, key, json);
        Boolean active = form.active() == null ? null : body.bool(form.active());
        for (ProfileRules.Field needed : form.updateNeeds()) {
            if (!body.has(form.name(needed))) {
                body.reject(new FieldError(form.name(needed), ProfileRules.label(needed) + " is required"));
            }
        }
        if (body.has(form.name()) && candidate.name() == null) {
            body.reject(new FieldError(form.name(), ProfileRules.NAME_RULE));
        }
        rules.check(candidate, form::name).forEach(body::reject);
        keyFollowsEndpoint(form, body, current, candidate, key);
        body.validate();
        return profiles.update(current.id(), current.version(), ProfileRules.values(candidate), key, active, caller);
    }

    /** The provider surface requires these when creating (seed 002). */
    private static List<FieldError> nameAndBaseUrl(ProfileForm form, ProfileRules.Candidate c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.name() == null || c.name().isBlank()) {
            errors.add(new FieldError(form.name(), "Name is required"));
        }
        if (c.baseUrl() == null || c.baseUrl().isBlank()) {
            errors.add(new FieldError(form.baseUrl(), "Base URL is required"));
        }
        return errors;
    }

    /**
     * A stored key stays only where it was saved for: a write that moves a profile to another
     * endpoint or provider must send the key again (or clear it), else the key would follow.
     */
    private void keyFollowsEndpoint(ProfileForm form, PatchRequest body, Profile current,
                                    ProfileRules.Candidate candidate, KeyChange key) {
        ProviderType provider = ProviderType.parse(candidate.provider()).orElse(null);
        if (key instanceof KeyChange.Keep && current.hasKey() && provider != null
                && !probe.sameEndpoint(current.provider(), current.baseUrl(), provider, candidate.baseUrl())) {
            body.reject(new FieldError(form.token(), "must be sent again when the endpoint or provider changes:"
                    + " the stored key is only used with the endpoint it was saved for"));
        }
    }
}
