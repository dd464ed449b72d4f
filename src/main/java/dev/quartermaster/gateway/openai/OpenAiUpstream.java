package dev.quartermaster.gateway.openai;

import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.gateway.wire.Endpoint;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.Upstream;
import dev.quartermaster.gateway.wire.Usage;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible upstream: the hub request goes as it is, to {@code {base}/chat/completions}
 * with a Bearer key (none for a keyless local server), asking for usage on streams. Mistral's API
 * refuses {@code stream_options} and reports usage on its last chunk unasked, so it is not sent
 * there. Ollama's OpenAI-compatible API lives under {@code /v1} of its base URL.
 */
public record OpenAiUpstream(boolean sendsStreamOptions, boolean underV1) implements Upstream {

    public static OpenAiUpstream openAi() {
        return new OpenAiUpstream(true, false);
    }

    public static OpenAiUpstream mistral() {
        return new OpenAiUpstream(false, false);
    }

    public static OpenAiUpstream ollama() {
        return new OpenAiUpstream(true, true);
    }

    @Override
    public OutboundRequest chat(ObjectNode chat, Endpoint endpoint) {
        ObjectNode body = chat.deepCopy();
        body.put("model", endpoint.model());
        body.remove("stream_options");
        if (body.path("stream").asBoolean(false) && sendsStreamOptions) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return OutboundRequest.postJson(url(endpoint, "/chat/completions"), headers(endpoint), Json.write(body));
    }

    @Override
    public OutboundRequest embeddings(ObjectNode request, Endpoint endpoint) {
        ObjectNode body = request.deepCopy();
        body.put("model", endpoint.model());
        return OutboundRequest.postJson(url(endpoint, "/embeddings"), headers(endpoint), Json.write(body));
    }

    @Override
    public ObjectNode completion(JsonNode answer) {
        if (!answer.isObject() || !answer.path("choices").isArray()) {
            throw new IllegalArgumentException("not a chat completion");
        }
        return (ObjectNode) answer;
    }

    @Override
    public Usage usage(JsonNode answer) {
        return usageOf(answer.get("usage"));
    }

    @Override
    public StreamDecoder decoder() {
        return new OpenAiStreamDecoder();
    }

    @Override
    public Optional<String> errorMessage(JsonNode answer) {
        return text(answer.path("error").path("message"))
                .or(() -> text(answer.path("error")))
                .or(() -> text(answer.path("message")))
                .or(() -> text(answer.path("detail")));
    }

    /** OpenAI's usage object, read into the one normalisation (its prompt tokens already include cached ones). */
    public static Usage usageOf(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.NONE;
        }
        return new Usage(Json.count(usage, "prompt_tokens"), Json.count(usage.get("prompt_tokens_details"), "cached_tokens"),
                null, Json.count(usage, "completion_tokens"),
                Json.count(usage.get("completion_tokens_details"), "reasoning_tokens"), usage);
    }

    private URI url(Endpoint endpoint, String path) {
        String base = endpoint.baseUrl().endsWith("/")
                ? endpoint.baseUrl().substring(0, endpoint.baseUrl().length() - 1) : endpoint.baseUrl();
        if (underV1 && !base.endsWith("/v1")) {
            base += "/v1";
        }
        return URI.create(base + path);
    }

    private static Map<String, String> headers(Endpoint endpoint) {
        Map<String, String> headers = new HashMap<>();
        if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
            headers.put("Authorization", "Bearer " + endpoint.apiKey());
        }
        return headers;
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
    }
}
