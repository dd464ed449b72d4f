package dev.quartermaster.gateway.wire;

import dev.quartermaster.egress.OutboundRequest;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One upstream protocol, spoken from the hub (a chat completions request). Implementations:
 * OpenAI-compatible, Anthropic Messages, Gemini generateContent.
 */
public interface Upstream {

    /**
     * The upstream request for a chat request. {@code chat.model} is already the upstream model name
     * and {@code chat.stream} says whether to stream; streams always ask for usage.
     *
     * @throws WireException when the request asks for what this upstream cannot do
     */
    OutboundRequest chat(ObjectNode chat, Endpoint endpoint);

    /** The upstream's whole (non-streamed) answer as a {@code chat.completion} object, usage included if reported. */
    ObjectNode completion(JsonNode answer);

    /** The usage in a whole answer, normalised. */
    Usage usage(JsonNode answer);

    /** A decoder for one stream of this upstream. */
    StreamDecoder decoder();

    /** The message of an upstream error body, if it has one where this provider puts it. */
    Optional<String> errorMessage(JsonNode answer);

    /**
     * The upstream request for an OpenAI embeddings request ({@code request.model} already the
     * upstream name), for providers that have an embeddings API.
     *
     * @throws WireException when this upstream has none
     */
    default OutboundRequest embeddings(ObjectNode request, Endpoint endpoint) {
        throw new WireException("model", "this model's provider has no embeddings API");
    }

    /**
     * The upstream's embeddings answer as OpenAI's {@code {"object": "list", "data": [...], "usage": ...}},
     * for the client's {@code request} (its model and {@code encoding_format}).
     */
    default ObjectNode embeddingsAnswer(JsonNode answer, JsonNode request) {
        return (ObjectNode) answer;
    }
}
