package dev.quartermaster.providers.protocol;

import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.providers.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One provider's own wire protocol: a minimal chat call, a free call that proves a key (listing
 * models), and where its answers keep the reply text and the error message.
 */
public sealed interface Protocol permits OpenAiProtocol, AnthropicProtocol, GeminiProtocol, OllamaProtocol {

    String PROMPT = "Reply with a greeting of at most five words.";
    int MAX_TOKENS = 32;
    JsonMapper JSON = JsonMapper.builder().build();

    OutboundRequest chat(String baseUrl, String apiKey, String model, String systemPrompt);

    OutboundRequest listModels(String baseUrl, String apiKey);

    Optional<String> replyText(JsonNode answer);

    Optional<String> errorMessage(JsonNode answer);

    static Protocol of(ProviderType type) {
        return switch (type) {
            case OPENAI, MISTRAL, OPENAI_LIKE -> new OpenAiProtocol(type);
            case ANTHROPIC -> new AnthropicProtocol();
            case GEMINI -> new GeminiProtocol();
            case OLLAMA -> new OllamaProtocol();
        };
    }

    static String join(String baseUrl, String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }

    /** The chat messages of a probe: the system prompt if there is one, then the tiny user prompt. */
    static List<Map<String, String>> chatMessages(String systemPrompt) {
        List<Map<String, String>> messages = new ArrayList<>();
        if (systemPrompt != null && !systemPrompt.isBlank()) {
            messages.add(Map.of("role", "system", "content", systemPrompt));
        }
        messages.add(Map.of("role", "user", "content", PROMPT));
        return messages;
    }

    /** The {@code text} of the array's elements that {@code include} accepts, joined; empty if it is no array. */
    static Optional<String> joinedText(JsonNode array, Predicate<JsonNode> include) {
        if (!array.isArray()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        array.forEach(element -> {
            if (include.test(element)) {
                text.append(element.path("text").asString(""));
            }
        });
        return Optional.of(text.toString());
    }

    /** {@code Authorization: Bearer} when there is a key, nothing when there is none (a local Ollama). */
    static Map<String, String> bearer(String apiKey) {
        return apiKey == null || apiKey.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    static Optional<String> text(JsonNode node) {
        return node != null && node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
    }
}
