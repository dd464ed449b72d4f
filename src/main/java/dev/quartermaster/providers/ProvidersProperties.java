package dev.quartermaster.providers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code QM_PROVIDERS_<TYPE>_BASE_URL}: the endpoint used when a profile or key names none; and
 * the limits of test calls ({@code QM_PROVIDERS_TEST_LIMIT} per minute and caller).
 */
@ConfigurationProperties("qm.providers")
public record ProvidersProperties(
        @DefaultValue Endpoint openai, @DefaultValue Endpoint anthropic, @DefaultValue Endpoint gemini,
        @DefaultValue Endpoint mistral, @DefaultValue Endpoint ollama,
        @DefaultValue("20") int testLimit, @DefaultValue("10s") Duration testTimeout) {

    record Endpoint(String baseUrl) {
    }

    String defaultBaseUrl(ProviderType type) {
        Endpoint configured = switch (type) {
            case OPENAI -> openai;
            case ANTHROPIC -> anthropic;
            case GEMINI -> gemini;
            case MISTRAL -> mistral;
            case OLLAMA -> ollama;
            case OPENAI_LIKE -> null;
        };
        if (configured != null && configured.baseUrl() != null && !configured.baseUrl().isBlank()) {
            return configured.baseUrl();
        }
        return switch (type) {
            case OPENAI -> "https://api.openai.com/v1";
            case ANTHROPIC -> "https://api.anthropic.com";
            case GEMINI -> "https://generativelanguage.googleapis.com";
            case MISTRAL -> "https://api.mistral.ai/v1";
            case OLLAMA -> "http://localhost:11434";
            case OPENAI_LIKE -> null;
        };
    }
}
