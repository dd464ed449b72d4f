package dev.quartermaster.providers.protocol;

import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.providers.ProviderType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** OpenAI, Mistral and OpenAI-compatible servers: {@code POST {base}/chat/completions} with a Bearer key. */
record OpenAiProtocol(ProviderType type) implements Protocol {

    @Override
    public OutboundRequest chat(String baseUrl, String apiKey, String model, String systemPrompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", Protocol.chatMessages(systemPrompt));
        // OpenAI's newer models refuse max_tokens; most compatible servers know only max_tokens
        body.put(type == ProviderType.OPENAI ? "max_completion_tokens" : "max_tokens", MAX_TOKENS);
        return OutboundRequest.postJson(URI.create(Protocol.join(baseUrl, "/chat/completions")), Protocol.bearer(apiKey),
                JSON.writeValueAsString(body));
    }

    @Override
    public OutboundRequest listModels(String baseUrl, String apiKey) {
        return new OutboundRequest("GET", URI.create(Protocol.join(baseUrl, "/models")), Protocol.bearer(apiKey), null);
    }

    @Override
    public Optional<String> replyText(JsonNode answer) {
        JsonNode content = answer.path("choices").path(0).path("message").path("content");
        return content.isNull() ? Optional.of("") : Protocol.text(content);
    }

    @Override
    public Optional<String> errorMessage(JsonNode answer) {
        return Protocol.text(answer.path("error").path("message"))
                .or(() -> Protocol.text(answer.path("error")))
                .or(() -> Protocol.text(answer.path("message")))
                .or(() -> Protocol.text(answer.path("detail")));
    }
}
