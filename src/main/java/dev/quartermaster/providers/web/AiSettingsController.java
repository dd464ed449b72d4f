package dev.quartermaster.providers.web;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import dev.quartermaster.providers.ProviderProbe;
import dev.quartermaster.providers.profile.KeyChange;
import dev.quartermaster.providers.profile.Profile;
import dev.quartermaster.providers.profile.ProfileRules;
import dev.quartermaster.providers.profile.ProfileService;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/ai-settings}: the AI-settings surface (seed 001) over the same profiles as the
 * provider surface, addressed by their sequential number.
 */
@RestController
@RequestMapping(AiSettingsController.PATH)
class AiSettingsController {

    static final String PATH = "/api/ai-settings";
    private static final ProfileForm FORM = ProfileForm.AI_SETTINGS;

    private final ProfileService profiles;
    private final ProfileRules rules;
    private final ProviderProbe probe;
    private final JsonMapper json;

    AiSettingsController(ProfileService profiles, ProfileRules rules, ProviderProbe probe, JsonMapper json) {
        this.profiles = profiles;
        this.rules = rules;
        this.probe = probe;
        this.json = json;
    }

    @GetMapping
    @RequiresPermission(Permissions.AI_PROVIDERS_READ)
    List<AiSettingView> list() {
        return profiles.list().stream().map(AiSettingView::of).toList();
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.AI_PROVIDERS_READ)
    AiSettingView get(@PathVariable long id) {
        return AiSettingView.of(profiles.getByNumber(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.AI_PROVIDERS_CREATE)
    Map<String, Long> create(Caller caller, @RequestBody JsonNode json) {
        PatchRequest body = PatchRequest.of(json);
        KeyChange key = FORM.keyChange(body, null);
        ProfileRules.Candidate candidate = FORM.candidate(body, null, key, null, this.json);
        rules.check(candidate, FORM::name).forEach(body::reject);
        body.validate();
        Profile created = profiles.create(ProfileRules.values(candidate), key, false, caller);
        return Map.of("id", created.number());
    }

    /** Provider and model are required in every update, as the seed says; the token is kept unless sent. */
    @PatchMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permissions.AI_PROVIDERS_UPDATE)
    void update(Caller caller, @PathVariable long id, @RequestBody JsonNode json) {
        PatchRequest body = PatchRequest.of(json);
        Profile current = profiles.getByNumber(id);
        KeyChange key = FORM.keyChange(body, AiSettingView.TOKEN_MASK);
        ProfileRules.Candidate candidate = FORM.candidate(body, current, key, null, this.json);
        if (!body.has(FORM.provider())) {
            body.reject(new FieldError("provider", "Provider is required"));
        }
        if (!body.has(FORM.model())) {
            body.reject(new FieldError("model", "Model is required"));
        }
        if (body.has(FORM.name()) && candidate.name() == null) {
            body.reject(new FieldError("name", "Name must be 1-255 characters"));
        }
        rules.check(candidate, FORM::name).forEach(body::reject);
        FORM.keyFollowsEndpoint(body, current, candidate, key, probe);
        body.validate();
        profiles.update(current.id(), current.version(), ProfileRules.values(candidate), key, null, caller);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permissions.AI_PROVIDERS_DELETE)
    void delete(Caller caller, @PathVariable long id) {
        profiles.delete(profiles.getByNumber(id).id(), caller);
    }
}
