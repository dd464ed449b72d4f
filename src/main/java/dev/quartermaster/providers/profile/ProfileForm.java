package dev.quartermaster.providers.profile;

import dev.quartermaster.platform.PatchRequest;
import dev.quartermaster.providers.profile.ProfileRules.Field;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How one surface spells a profile write: its field names, what its creates require beyond the
 * shared rules, and what every update must send. {@link ProfileWrites} applies the rules.
 */
public record ProfileForm(String provider, String model, String token, String baseUrl, String name,
                          String description, String meta, String systemPrompt, String active,
                          boolean createNeedsNameAndBaseUrl, List<Field> updateNeeds) {

    public static final ProfileForm PROVIDER_SURFACE = new ProfileForm("provider", "modelName", "apiKey", "apiBaseUrl",
            "name", "description", "meta", "defaultSystemPrompt", "isActive", true, List.of());
    /** Seed 001: provider and model are required in every update. */
    public static final ProfileForm AI_SETTINGS = new ProfileForm("provider", "model", "token", "base_url", "name",
            "description", "meta", null, null, false, List.of(Field.PROVIDER, Field.MODEL));

    /** A create as sent on either surface, under neutral names; {@code systemPrompt} and {@code active} may be absent. */
    public record Fields(String provider, String model, String token, String baseUrl, String name, String description,
                         JsonNode meta, String systemPrompt, Boolean active) {

        @Override
        public String toString() {
            return "Fields[" + provider + ", " + model + ", " + baseUrl + ", " + name + "]";
        }
    }

    /** A surface's create body. */
    public interface Create {

        Fields fields();
    }

    public String name(Field field) {
        return switch (field) {
            case PROVIDER -> provider;
            case MODEL -> model;
            case TOKEN -> token;
            case BASE_URL -> baseUrl;
            case NAME -> name;
            case DESCRIPTION -> description;
            case META -> meta;
            case SYSTEM_PROMPT -> systemPrompt == null ? "defaultSystemPrompt" : systemPrompt;
        };
    }

    /** The key change a write asks for; {@code mask} is what this surface shows for the current key. */
    KeyChange keyChange(PatchRequest body, String mask) {
        if (!body.has(token)) {
            return KeyChange.KEEP;
        }
        return keyChange(body.string(token), mask);
    }

    static KeyChange keyChange(String sent, String mask) {
        if (sent == null || sent.isEmpty()) {
            return KeyChange.CLEAR;
        }
        return sent.equals(mask) ? KeyChange.KEEP : new KeyChange.Replace(sent);
    }

    /** The profile as it would be after a partial update: the fields sent over the current ones. */
    ProfileRules.Candidate candidate(PatchRequest body, Profile current, KeyChange key, JsonMapper json) {
        boolean hasKey = switch (key) {
            case KeyChange.Replace r -> true;
            case KeyChange.Clear c -> false;
            case KeyChange.Keep k -> current.hasKey();
        };
        return new ProfileRules.Candidate(
                text(body, provider, current.provider().wireName()),
                text(body, model, current.model()),
                hasKey,
                key instanceof KeyChange.Replace r ? r.key() : null,
                text(body, baseUrl, current.baseUrl()),
                text(body, name, current.name()),
                text(body, description, current.description()),
                body.has(meta) ? body.node(meta) : json.valueToTree(current.meta()),
                systemPrompt == null ? current.defaultSystemPrompt()
                        : text(body, systemPrompt, current.defaultSystemPrompt()));
    }

    /** The profile a create would make; without a provider, the provider surface infers one from the base URL. */
    ProfileRules.Candidate candidate(Fields sent, KeyChange key) {
        String type = sent.provider() == null && createNeedsNameAndBaseUrl
                ? ProviderInference.fromBaseUrl(sent.baseUrl()).wireName() : sent.provider();
        return new ProfileRules.Candidate(type, sent.model(), key instanceof KeyChange.Replace,
                key instanceof KeyChange.Replace r ? r.key() : null, sent.baseUrl(), sent.name(), sent.description(),
                sent.meta(), sent.systemPrompt());
    }

    private static String text(PatchRequest body, String field, String current) {
        return body.has(field) ? body.string(field) : current;
    }
}
