package dev.quartermaster.providers.protocol;

import dev.quartermaster.egress.OutboundRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Anthropic Messages API: {@code POST {base}/v1/messages} with {@code x-api-key} and {@code anthropic-version}. */
record AnthropicProtocol() implements Protocol {

    static final String VERSION = "2023-06-01";
    @Override
    public OutboundRequest chat(String baseUrl, String apiKey, String model, String systemPrompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("max_tokens", MAX_TOKENS);
        if (systemPrompt != null && !systemPrompt.isBlank()) {
            body.put("system", systemPrompt);
        }
        body.put("messages", List.of(Map.of("role", "user", "content", PROMPT)));
        return OutboundRequest.postJson(URI.create(v1(baseUrl) + "/messages"), headers(apiKey), JSON.writeValueAsString(body));
    }

    @Override
    public OutboundRequest listModels(String baseUrl, String apiKey) {
        return new OutboundRequest("GET", URI.create(v1(baseUrl) + "/models"), headers(apiKey), null);
    }

    @Override
    public Optional<String> replyText(JsonNode answer) {
        return Protocol.joinedText(answer.path("content"), block -> "text".equals(block.path("type").asString("")));
    }

    @Override
    public Optional<String> errorMessage(JsonNode answer) {
        return Protocol.text(answer.path("error").path("message"));
    }

    /** The base URL up to and including {@code /v1}, whether or not it was given with it. */
    private static String v1(String baseUrl) {
        String base = Protocol.join(baseUrl, "");
        return base.endsWith("/v1") ? base : base + "/v1";
    }

    private static Map<String, String> headers(String apiKey) {
        return Map.of("x-api-key", apiKey == null ? "" : apiKey, "anthropic-version", VERSION);
    }
}
