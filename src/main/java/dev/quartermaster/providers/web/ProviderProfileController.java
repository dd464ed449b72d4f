package dev.quartermaster.providers.web;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import dev.quartermaster.providers.ProbeResult;
import dev.quartermaster.providers.ProviderProbe;
import dev.quartermaster.providers.profile.KeyChange;
import dev.quartermaster.providers.profile.Profile;
import dev.quartermaster.providers.profile.ProfileRules;
import dev.quartermaster.providers.profile.ProfileService;
import dev.quartermaster.providers.profile.ProfileTester;
import dev.quartermaster.providers.profile.ProviderInference;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

/** {@code /api/v1/system/ai/providers}: the provider-profiles surface (seed 002). */
@RestController
@RequestMapping("/api/v1/system/ai/providers")
class ProviderProfileController {

    private static final ProfileForm FORM = ProfileForm.PROVIDER_SURFACE;

    private final ProfileService profiles;
    private final ProfileRules rules;
    private final ProfileTester tester;
    private final ProviderProbe probe;
    private final JsonMapper json;

    ProviderProfileController(ProfileService profiles, ProfileRules rules, ProfileTester tester, ProviderProbe probe,
                              JsonMapper json) {
        this.profiles = profiles;
        this.rules = rules;
        this.tester = tester;
        this.probe = probe;
        this.json = json;
    }

    @GetMapping
    @RequiresPermission(Permissions.AI_PROVIDERS_READ)
    Envelope<List<ProviderProfileView>> list() {
        return Envelope.of(profiles.list().stream().map(this::view).toList());
    }

    @GetMapping("/active")
    @RequiresPermission(Permissions.AI_PROVIDERS_READ)
    Envelope<ProviderProfileView> active() {
        return Envelope.of(profiles.active().map(this::view).orElse(null));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.AI_PROVIDERS_READ)
    Envelope<ProviderProfileView> get(@PathVariable UUID id) {
        return Envelope.of(view(profiles.get(id)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.AI_PROVIDERS_CREATE)
    Envelope<ProviderProfileView> create(Caller caller, @RequestBody JsonNode json) {
        PatchRequest body = PatchRequest.of(json);
        KeyChange key = FORM.keyChange(body, null);
        String inferred = ProviderInference.fromBaseUrl(body.string(FORM.baseUrl())).wireName();
        ProfileRules.Candidate candidate = FORM.candidate(body, null, key, inferred, this.json);
        Boolean active = body.bool("isActive");
        List<FieldError> errors = new ArrayList<>(required(candidate));
        errors.addAll(rules.check(candidate, FORM::name));
        errors.forEach(body::reject);
        body.validate();
        return Envelope.of(view(profiles.create(ProfileRules.values(candidate), key, Boolean.TRUE.equals(active), caller)));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permissions.AI_PROVIDERS_UPDATE)
    Envelope<ProviderProfileView> update(Caller caller, @PathVariable UUID id, @RequestBody JsonNode json) {
        PatchRequest body = PatchRequest.of(json);
        Profile current = profiles.get(id);
        KeyChange key = FORM.keyChange(body, current.keyMask());
        ProfileRules.Candidate candidate = FORM.candidate(body, current, key, null, this.json);
        Boolean active = body.bool("isActive");
        if (body.has(FORM.name()) && candidate.name() == null) {
            body.reject(new FieldError("name", "Name must be 1-255 characters"));
        }
        rules.check(candidate, FORM::name).forEach(body::reject);
        FORM.keyFollowsEndpoint(body, current, candidate, key, probe);
        body.validate();
        return Envelope.of(view(profiles.update(id, current.version(), ProfileRules.values(candidate), key, active, caller)));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permissions.AI_PROVIDERS_DELETE)
    Envelope<ProviderProfileView> delete(Caller caller, @PathVariable UUID id) {
        return Envelope.of(view(profiles.delete(id, caller)));
    }

    @PostMapping("/test")
    @RequiresPermission(Permissions.AI_PROVIDERS_UPDATE)
    Envelope<TestResultView> test(Caller caller, @RequestBody JsonNode json) {
        PatchRequest body = PatchRequest.of(json);
        ProfileTester.TestInput input = new ProfileTester.TestInput(body.uuid("profileId"), body.string("provider"),
                body.string("apiBaseUrl"), body.string("apiKey"), body.string("modelName"),
                body.string("defaultSystemPrompt"));
        body.validate();
        return Envelope.of(TestResultView.of(tester.test(input, caller)));
    }

    /** The provider surface requires these when creating (seed 002). */
    private static List<FieldError> required(ProfileRules.Candidate c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.name() == null || c.name().isBlank()) {
            errors.add(new FieldError("name", "Name is required"));
        }
        if (c.baseUrl() == null || c.baseUrl().isBlank()) {
            errors.add(new FieldError("apiBaseUrl", "Base URL is required"));
        }
        return errors;
    }

    private ProviderProfileView view(Profile profile) {
        return ProviderProfileView.of(profile, probe.baseUrl(profile.provider(), profile.baseUrl()));
    }

    record TestResultView(boolean succeeded, String caption, String resolvedModelName, String resolvedApiBaseUrl,
                          String errorMessage) {

        static TestResultView of(ProbeResult r) {
            return new TestResultView(r.succeeded(), r.caption(), r.resolvedModelName(), r.resolvedApiBaseUrl(),
                    r.errorMessage());
        }
    }
}
