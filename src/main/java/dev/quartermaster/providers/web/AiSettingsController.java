package dev.quartermaster.providers.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.CheckedBody;
import dev.quartermaster.platform.PatchRequest;
import dev.quartermaster.providers.ProviderType;
import dev.quartermaster.providers.profile.ProfileForm;
import dev.quartermaster.providers.profile.ProfileRules;
import dev.quartermaster.providers.profile.ProfileService;
import dev.quartermaster.providers.profile.ProfileWrites;
import io.swagger.v3.oas.annotations.media.Schema;
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
    private final ProfileWrites writes;

    AiSettingsController(ProfileService profiles, ProfileWrites writes) {
        this.profiles = profiles;
        this.writes = writes;
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

    /** Seed 001's create body. */
    @CheckedBody
    record NewSetting(@Schema(implementation = ProviderType.class, requiredMode = REQUIRED) String provider,
                      @Schema(maxLength = ProfileRules.MODEL, requiredMode = REQUIRED) String model,
                      @Schema(maxLength = ProfileRules.TOKEN, description = "required except for ollama") String token,
                      @JsonProperty("base_url") @Schema(maxLength = ProfileRules.BASE_URL) String baseUrl,
                      @Schema(maxLength = ProfileRules.NAME) String name,
                      @Schema(maxLength = ProfileRules.DESCRIPTION) String description,
                      @Schema(type = "object", description = "scalar values only") JsonNode meta)
            implements ProfileForm.Create {

        @Override
        public ProfileForm.Fields fields() {
            return new ProfileForm.Fields(provider, model, token, baseUrl, name, description, meta, null, null);
        }

        @Override
        public String toString() {
            return "NewSetting[" + provider + ", " + model + ", " + baseUrl + "]";
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.AI_PROVIDERS_CREATE)
    Map<String, Long> create(Caller caller, @RequestBody Checked<NewSetting> body) {
        return Map.of("id", writes.create(FORM, body, caller).number());
    }

    /** Provider and model are required in every update, as the seed says; the token is kept unless sent. */
    @PatchMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permissions.AI_PROVIDERS_UPDATE)
    void update(Caller caller, @PathVariable long id, @RequestBody JsonNode json) {
        writes.update(FORM, profiles.getByNumber(id), PatchRequest.of(json), AiSettingView.TOKEN_MASK, caller);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permissions.AI_PROVIDERS_DELETE)
    void delete(Caller caller, @PathVariable long id) {
        profiles.delete(profiles.getByNumber(id).id(), caller);
    }
}
