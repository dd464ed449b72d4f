package dev.quartermaster.providers.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.CheckedBody;
import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import dev.quartermaster.providers.ProbeResult;
import dev.quartermaster.providers.ProviderProbe;
import dev.quartermaster.providers.ProviderType;
import dev.quartermaster.providers.profile.Profile;
import dev.quartermaster.providers.profile.ProfileForm;
import dev.quartermaster.providers.profile.ProfileRules;
import dev.quartermaster.providers.profile.ProfileService;
import dev.quartermaster.providers.profile.ProfileTester;
import dev.quartermaster.providers.profile.ProfileWrites;
import io.swagger.v3.oas.annotations.media.Schema;
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

/** {@code /api/v1/system/ai/providers}: the provider-profiles surface (seed 002). */
@RestController
@RequestMapping("/api/v1/system/ai/providers")
class ProviderProfileController {

    private static final ProfileForm FORM = ProfileForm.PROVIDER_SURFACE;

    private final ProfileService profiles;
    private final ProfileWrites writes;
    private final ProfileTester tester;
    private final ProviderProbe probe;

    ProviderProfileController(ProfileService profiles, ProfileWrites writes, ProfileTester tester, ProviderProbe probe) {
        this.profiles = profiles;
        this.writes = writes;
        this.tester = tester;
        this.probe = probe;
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

    /** Seed 002's create body; without a provider, one is inferred from apiBaseUrl. */
    @CheckedBody
    record NewProfile(@Schema(maxLength = ProfileRules.NAME, requiredMode = REQUIRED) String name,
                      @Schema(implementation = ProviderType.class) String provider,
                      @Schema(maxLength = ProfileRules.BASE_URL, requiredMode = REQUIRED) String apiBaseUrl,
                      @Schema(maxLength = ProfileRules.TOKEN, description = "required except for ollama") String apiKey,
                      @Schema(maxLength = ProfileRules.MODEL, requiredMode = REQUIRED) String modelName,
                      @Schema(maxLength = ProfileRules.SYSTEM_PROMPT) String defaultSystemPrompt,
                      @Schema(maxLength = ProfileRules.DESCRIPTION) String description,
                      @Schema(type = "object", description = "scalar values only") JsonNode meta,
                      @JsonProperty("isActive") Boolean isActive) implements ProfileForm.Create {

        @Override
        public ProfileForm.Fields fields() {
            return new ProfileForm.Fields(provider, modelName, apiKey, apiBaseUrl, name, description, meta,
                    defaultSystemPrompt, isActive);
        }

        @Override
        public String toString() {
            return "NewProfile[" + name + ", " + provider + ", " + apiBaseUrl + ", " + modelName + "]";
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.AI_PROVIDERS_CREATE)
    Envelope<ProviderProfileView> create(Caller caller, @RequestBody Checked<NewProfile> body) {
        return Envelope.of(view(writes.create(FORM, body, caller)));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permissions.AI_PROVIDERS_UPDATE)
    Envelope<ProviderProfileView> update(Caller caller, @PathVariable UUID id, @RequestBody JsonNode json) {
        Profile current = profiles.get(id);
        return Envelope.of(view(writes.update(FORM, current, PatchRequest.of(json), current.keyMask(), caller)));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permissions.AI_PROVIDERS_DELETE)
    Envelope<ProviderProfileView> delete(Caller caller, @PathVariable UUID id) {
        return Envelope.of(view(profiles.delete(id, caller)));
    }

    @PostMapping("/test")
    @RequiresPermission(Permissions.AI_PROVIDERS_UPDATE)
    Envelope<TestResultView> test(Caller caller, @RequestBody ProfileTester.TestInput input) {
        return Envelope.of(TestResultView.of(tester.test(input, caller)));
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
