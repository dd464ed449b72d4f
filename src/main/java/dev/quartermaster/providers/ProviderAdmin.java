package dev.quartermaster.providers;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.PatchRequest;
import dev.quartermaster.providers.profile.Profile;
import dev.quartermaster.providers.profile.ProfileForm;
import dev.quartermaster.providers.profile.ProfileService;
import dev.quartermaster.providers.profile.ProfileTester;
import dev.quartermaster.providers.profile.ProfileWrites;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Profile administration for a surface that is not the provider API (the web console): the same
 * rules, audit entries and test-call limit, in the provider surface's field names (so field errors
 * name {@code apiKey}, {@code apiBaseUrl}, {@code modelName}, …). The caller's permission is the
 * surface's to check, as the API's handlers do.
 */
@Service
public class ProviderAdmin {

    /** A profile as a list shows it: the key only as its mask. */
    public record Entry(UUID id, String name, ProviderType provider, String model, String baseUrl,
                        String effectiveBaseUrl, String keyMask, boolean active, String description,
                        String systemPrompt, int version) {
    }

    /** The editable fields; {@code provider} by its wire name. */
    public record Form(String name, String provider, String baseUrl, String model, String systemPrompt,
                       String description) {
    }

    /** What a write does to the key: a new one typed, an explicit clear, or (neither) keep it. */
    public record KeyEdit(String newKey, boolean clear) {

        @Override
        public String toString() {
            return "KeyEdit[" + (newKey == null || newKey.isEmpty() ? "none" : "****") + ", clear=" + clear + "]";
        }
    }

    private final ProfileService profiles;
    private final ProfileWrites writes;
    private final ProfileTester tester;
    private final ProviderProbe probe;
    private final JsonMapper json;

    ProviderAdmin(ProfileService profiles, ProfileWrites writes, ProfileTester tester, ProviderProbe probe,
                  JsonMapper json) {
        this.profiles = profiles;
        this.writes = writes;
        this.tester = tester;
        this.probe = probe;
        this.json = json;
    }

    public List<Entry> list() {
        return profiles.list().stream().map(this::entry).toList();
    }

    public Entry get(UUID id) {
        return entry(profiles.get(id));
    }

    public Entry create(Form form, KeyEdit key, Caller caller) {
        String token = key.newKey() == null || key.newKey().isEmpty() ? null : key.newKey();
        ProfileForm.Fields fields = new ProfileForm.Fields(blankToNull(form.provider()), form.model(), token,
                form.baseUrl(), form.name(), form.description(), null, blankToNull(form.systemPrompt()), false);
        ProfileForm.Create create = () -> fields;
        return entry(writes.create(ProfileForm.PROVIDER_SURFACE, Checked.of(create), caller));
    }

    /** Refused with 409 when the profile changed since {@code expectedVersion} was read. */
    public Entry update(UUID id, int expectedVersion, Form form, KeyEdit key, Caller caller) {
        Profile current = current(id, expectedVersion);
        ObjectNode body = json.createObjectNode();
        body.put("name", form.name());
        body.put("provider", form.provider());
        body.put("apiBaseUrl", form.baseUrl());
        body.put("modelName", form.model());
        body.put("defaultSystemPrompt", blankToNull(form.systemPrompt()));
        body.put("description", blankToNull(form.description()));
        if (key.clear()) {
            body.put("apiKey", "");
        } else if (key.newKey() != null && !key.newKey().isEmpty()) {
            body.put("apiKey", key.newKey());
        }
        return entry(writes.update(ProfileForm.PROVIDER_SURFACE, current, PatchRequest.of(body), current.keyMask(), caller));
    }

    public Entry activate(UUID id, Caller caller) {
        Profile current = profiles.get(id);
        ObjectNode body = json.createObjectNode().put("isActive", true);
        return entry(writes.update(ProfileForm.PROVIDER_SURFACE, current, PatchRequest.of(body), current.keyMask(), caller));
    }

    public Entry delete(UUID id, Caller caller) {
        return entry(profiles.delete(id, caller));
    }

    /** A test call with the saved profile as it is (its key goes only to its own endpoint). */
    public ProbeResult test(UUID id, Caller caller) {
        return tester.test(new ProfileTester.TestInput(id, null, null, null, null, null), caller);
    }

    private Profile current(UUID id, int expectedVersion) {
        Profile current = profiles.get(id);
        if (current.version() != expectedVersion) {
            throw ApiException.conflict("the profile was changed by someone else since this form was opened",
                    Map.of("currentVersion", current.version()));
        }
        return current;
    }

    private Entry entry(Profile p) {
        return new Entry(p.id(), p.name(), p.provider(), p.model(), p.baseUrl(), probe.baseUrl(p.provider(), p.baseUrl()),
                p.keyMask(), p.active(), p.description(), p.defaultSystemPrompt(), p.version());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
