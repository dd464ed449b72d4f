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
 * Anthropic's Messages API as an upstream: {@code POST {base}/v1/messages} with {@code x-api-key} and
 * {@code anthropic-version}; the base URL may be given with or without {@code /v1}. Stateless: one
 * instance serves every request.
 *
 * <p>Choices where the hub and Anthropic differ:
 * <ul>
 * <li>{@code max_tokens} is always sent (Anthropic requires it): the client's {@code max_completion_tokens}
 *     or {@code max_tokens}, else {@link #DEFAULT_MAX_TOKENS}.</li>
 * <li>{@code response_format} {@code json_schema}/{@code json_object} is asked as one forced tool whose
 *     input comes back as the message content (see {@link JsonAnswerTool}); with the client's own tools
 *     it is refused.</li>
 * <li>Thinking comes back as {@code reasoning_content} (whole answers and stream deltas), never as
 *     {@code content}; signatures are dropped, so a client cannot hand thinking back.</li>
 * <li>{@code n > 1} and content parts other than text and images are refused, naming the field.</li>
 * </ul>
 */
public final class AnthropicUpstream implements Upstream {

    /** The {@code max_tokens} of a request that sets none. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    static final String VERSION = "2023-06-01";
    private static final String DEFAULT_BASE = "https://api.anthropic.com";

    public AnthropicUpstream() {
    }

    @Override
    public OutboundRequest chat(ObjectNode chat, Endpoint endpoint) {
        return send(ChatToAnthropic.body(chat), endpoint);
    }

    /** A Messages request as a client wrote it (the client speaks Anthropic too), the model set to the upstream's name. */
    public OutboundRequest messages(ObjectNode request, Endpoint endpoint) {
        ObjectNode body = request.deepCopy();
        body.put("model", endpoint.model());
        return send(body, endpoint);
    }

    private static OutboundRequest send(ObjectNode body, Endpoint endpoint) {
        Map<String, String> headers = Map.of(
                "x-api-key", endpoint.apiKey() == null ? "" : endpoint.apiKey(),
                "anthropic-version", VERSION);
        return OutboundRequest.postJson(URI.create(v1(endpoint.baseUrl()) + "/messages"), headers, Json.write(body));
    }

    @Override
    public ObjectNode completion(JsonNode answer) {
        return AnthropicToChat.completion(answer);
    }

    @Override
    public Usage usage(JsonNode answer) {
        return AnthropicUsage.normalise(answer.get("usage"));
    }

    @Override
    public StreamDecoder decoder() {
        return new AnthropicStreamDecoder();
    }

    @Override
    public Optional<String> errorMessage(JsonNode answer) {
        JsonNode message = answer.path("error").path("message");
        return message.isString() && !message.asString().isBlank() ? Optional.of(message.asString()) : Optional.empty();
    }

    /** The base URL up to and including {@code /v1}, whether or not it was given with it. */
    static String v1(String baseUrl) {
        String base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE : baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith("/v1") ? base : base + "/v1";
    }
}
