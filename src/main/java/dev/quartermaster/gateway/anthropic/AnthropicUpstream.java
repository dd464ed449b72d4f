package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.gateway.wire.Endpoint;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.Upstream;
import dev.quartermaster.gateway.wire.Usage;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API as an upstream: {@code POST {base}/v1/messages} with {@code x-api-key}
 * and {@code anthropic-version}. {@code max_tokens} defaults to {@link #DEFAULT_MAX_TOKENS} when the
 * request sets none. Thinking is passed to clients as {@code reasoning_content}, never as content.
 */
public final class AnthropicUpstream implements Upstream {

    public static final long DEFAULT_MAX_TOKENS = 4096;
    static final String VERSION = "2023-06-01";

    @Override
    public OutboundRequest chat(ObjectNode chat, Endpoint endpoint) {
        return send(AnthropicRequests.body(chat, endpoint.model()), endpoint);
    }

    /** A Messages request as the client wrote it (the client speaks Anthropic too), the model set to the upstream's name. */
    public OutboundRequest messages(ObjectNode request, Endpoint endpoint) {
        ObjectNode body = request.deepCopy();
        body.put("model", endpoint.model());
        return send(body, endpoint);
    }

    private static OutboundRequest send(ObjectNode body, Endpoint endpoint) {
        String base = endpoint.baseUrl().endsWith("/")
                ? endpoint.baseUrl().substring(0, endpoint.baseUrl().length() - 1) : endpoint.baseUrl();
        String v1 = base.endsWith("/v1") ? base : base + "/v1";
        return OutboundRequest.postJson(URI.create(v1 + "/messages"),
                Map.of("x-api-key", endpoint.apiKey() == null ? "" : endpoint.apiKey(), "anthropic-version", VERSION),
                Json.write(body));
    }

    @Override
    public ObjectNode completion(JsonNode answer) {
        return AnthropicAnswers.completion(answer);
    }

    @Override
    public Usage usage(JsonNode answer) {
        return AnthropicUsage.of(answer.get("usage"));
    }

    @Override
    public StreamDecoder decoder() {
        return new AnthropicStreamDecoder();
    }

    @Override
    public Optional<String> errorMessage(JsonNode answer) {
        JsonNode message = answer.path("error").path("message");
        return message.isString() ? Optional.of(message.stringValue()) : Optional.empty();
    }
}
