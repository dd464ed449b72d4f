package dev.quartermaster.providers.protocol;

import dev.quartermaster.egress.OutboundRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Ollama: {@code POST {base}/api/chat}, not streamed. No key, unless one is set (an Ollama behind a proxy). */
record OllamaProtocol() implements Protocol {

    @Override
    public OutboundRequest chat(String baseUrl, String apiKey, String model, String systemPrompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", Protocol.chatMessages(systemPrompt));
        body.put("stream", false);
        body.put("options", Map.of("num_predict", MAX_TOKENS));
        return OutboundRequest.postJson(URI.create(Protocol.join(baseUrl, "/api/chat")), Protocol.bearer(apiKey),
                JSON.writeValueAsString(body));
    }

    @Override
    public OutboundRequest listModels(String baseUrl, String apiKey) {
        return new OutboundRequest("GET", URI.create(Protocol.join(baseUrl, "/api/tags")), Protocol.bearer(apiKey), null);
    }

    @Override
    public Optional<String> replyText(JsonNode answer) {
        return Protocol.text(answer.path("message").path("content"));
    }

    @Override
    public Optional<String> errorMessage(JsonNode answer) {
        return Protocol.text(answer.path("error"));
    }
}
