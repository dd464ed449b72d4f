package dev.quartermaster.providers.protocol;

import dev.quartermaster.egress.OutboundRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Google Gemini API: {@code POST {base}/v1beta/models/{model}:generateContent} with {@code x-goog-api-key}. */
record GeminiProtocol() implements Protocol {

    @Override
    public OutboundRequest chat(String baseUrl, String apiKey, String model, String systemPrompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contents", List.of(Map.of("role", "user", "parts", List.of(Map.of("text", PROMPT)))));
        if (systemPrompt != null && !systemPrompt.isBlank()) {
            body.put("systemInstruction", Map.of("parts", List.of(Map.of("text", systemPrompt))));
        }
        body.put("generationConfig", Map.of("maxOutputTokens", MAX_TOKENS));
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        URI uri = URI.create(versioned(baseUrl) + "/models/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + ":generateContent");
        return OutboundRequest.postJson(uri, headers(apiKey), JSON.writeValueAsString(body));
    }

    @Override
    public OutboundRequest listModels(String baseUrl, String apiKey) {
        return new OutboundRequest("GET", URI.create(versioned(baseUrl) + "/models"), headers(apiKey), null);
    }

    @Override
    public Optional<String> replyText(JsonNode answer) {
        return Protocol.joinedText(answer.path("candidates").path(0).path("content").path("parts"), part -> true);
    }

    @Override
    public Optional<String> errorMessage(JsonNode answer) {
        return Protocol.text(answer.path("error").path("message"));
    }

    /** The base URL with an API version: as given if it names one, else {@code /v1beta}. */
    private static String versioned(String baseUrl) {
        String base = Protocol.join(baseUrl, "");
        return base.matches(".*/v1(beta|alpha)?\\d*$") ? base : base + "/v1beta";
    }

    private static Map<String, String> headers(String apiKey) {
        return Map.of("x-goog-api-key", apiKey == null ? "" : apiKey);
    }
}
