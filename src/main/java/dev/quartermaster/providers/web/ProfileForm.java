package dev.quartermaster.providers.web;

import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import dev.quartermaster.providers.ProviderProbe;
import dev.quartermaster.providers.ProviderType;
import dev.quartermaster.providers.profile.KeyChange;
import dev.quartermaster.providers.profile.Profile;
import dev.quartermaster.providers.profile.ProfileRules.Field;
import dev.quartermaster.providers.profile.ProfileRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a profile write of either surface: the fields sent over the current profile (none when
 * creating), under the surface's own field names, and what happens to the key.
 */
record ProfileForm(String provider, String model, String token, String baseUrl, String name, String description,
                   String meta, String systemPrompt) {

    static final ProfileForm PROVIDER_SURFACE = new ProfileForm("provider", "modelName", "apiKey", "apiBaseUrl",
            "name", "description", "meta", "defaultSystemPrompt");
    static final ProfileForm AI_SETTINGS = new ProfileForm("provider", "model", "token", "base_url", "name",
            "description", "meta", null);

    String name(Field field) {
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
        String sent = body.string(token);
        if (sent == null || sent.isEmpty()) {
            return KeyChange.CLEAR;
        }
        return sent.equals(mask) ? KeyChange.KEEP : new KeyChange.Replace(sent);
    }

    /** The profile as it would be after the write; {@code defaultProvider} applies when neither names one. */
    ProfileRules.Candidate candidate(PatchRequest body, Profile current, KeyChange key, String defaultProvider,
                                     JsonMapper json) {
        boolean hasKey = switch (key) {
            case KeyChange.Replace r -> true;
            case KeyChange.Clear c -> false;
            case KeyChange.Keep k -> current != null && current.hasKey();
        };
        String currentProvider = current == null ? defaultProvider : current.provider().wireName();
        JsonNode currentMeta = current == null ? null : json.valueToTree(current.meta());
        return new ProfileRules.Candidate(
                text(body, provider, currentProvider),
                text(body, model, current == null ? null : current.model()),
                hasKey,
                key instanceof KeyChange.Replace r ? r.key() : null,
                text(body, baseUrl, current == null ? null : current.baseUrl()),
                text(body, name, current == null ? null : current.name()),
                text(body, description, current == null ? null : current.description()),
                body.has(meta) ? body.node(meta) : currentMeta,
                systemPrompt == null ? (current == null ? null : current.defaultSystemPrompt())
                        : text(body, systemPrompt, current == null ? null : current.defaultSystemPrompt()));
    }

    /**
     * A stored key stays only where it was saved for: a write that moves a profile to another
     * endpoint or provider must send the key again (or clear it), else the key would follow.
     */
    void keyFollowsEndpoint(PatchRequest body, Profile current, ProfileRules.Candidate candidate, KeyChange key,
                            ProviderProbe probe) {
        ProviderType provider = ProviderType.parse(candidate.provider()).orElse(null);
        if (key instanceof KeyChange.Keep && current.hasKey() && provider != null
                && !probe.sameEndpoint(current.provider(), current.baseUrl(), provider, candidate.baseUrl())) {
            body.reject(new FieldError(token, "must be sent again when the endpoint or provider changes:"
                    + " the stored key is only used with the endpoint it was saved for"));
        }
    }

    private static String text(PatchRequest body, String field, String current) {
        return body.has(field) ? body.string(field) : current;
    }
}
