package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI's embeddings request, checked: {@code input} a string or a non-empty array; no streaming. */
final class Embeddings {

    private Embeddings() {
    }

    static ObjectNode check(JsonNode request) {
        JsonNode input = request.get("input");
        if (input == null || !(input.isString() || (input.isArray() && !input.isEmpty()))) {
            throw new WireException("input", "is required: a string or a non-empty array");
        }
        if (request.has("stream")) {
            throw new WireException("stream", "embeddings do not stream");
        }
        return ((ObjectNode) request).deepCopy();
    }
}
