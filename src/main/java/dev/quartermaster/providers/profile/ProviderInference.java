package dev.quartermaster.providers.profile;

import dev.quartermaster.providers.ProviderType;
import java.net.URI;
import java.util.Locale;

/** The provider a base URL belongs to, for profiles created without a type: known hosts, else openai_like. */
public final class ProviderInference {

    private ProviderInference() {
    }

    public static ProviderType fromBaseUrl(String baseUrl) {
        if (baseUrl == null) {
            return ProviderType.OPENAI_LIKE;
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            return ProviderType.OPENAI_LIKE;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("api.openai.com")) {
            return ProviderType.OPENAI;
        }
        if (host.equals("api.anthropic.com")) {
            return ProviderType.ANTHROPIC;
        }
        if (host.equals("generativelanguage.googleapis.com")) {
            return ProviderType.GEMINI;
        }
        if (host.equals("api.mistral.ai")) {
            return ProviderType.MISTRAL;
        }
        if (uri.getPort() == 11434 || host.contains("ollama")) {
            return ProviderType.OLLAMA;
        }
        return ProviderType.OPENAI_LIKE;
    }
}
