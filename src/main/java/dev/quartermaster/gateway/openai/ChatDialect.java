package dev.quartermaster.gateway.openai;

import dev.quartermaster.gateway.wire.Dialect;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamEncoder;
import dev.quartermaster.gateway.wire.WireException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's Chat Completions, the hub itself: requests are checked, not translated. Streams end with
 * {@code data: [DONE]}; an error after the stream began is OpenAI's {@code data: {"error": …}}.
 * Usage goes to the client only if it asked ({@code stream_options.include_usage}).
 */
public final class ChatDialect implements Dialect {

    @Override
    public ObjectNode toChat(JsonNode request) {
        if (!request.isObject()) {
            throw new WireException(null, "the body must be a JSON object");
        }
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new WireException("messages", "is required: a non-empty array of messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode role = messages.get(i).get("role");
            if (role == null || !role.isString()) {
                throw new WireException("messages[" + i + "].role", "is required");
            }
        }
        JsonNode stream = request.get("stream");
        if (stream != null && !stream.isBoolean() && !stream.isNull()) {
            throw new WireException("stream", "must be true or false");
        }
        return ((ObjectNode) request).deepCopy();
    }

    @Override
    public JsonNode fromChat(ObjectNode completion) {
        return completion;
    }

    @Override
    public StreamEncoder encoder(boolean includeUsage) {
        return new StreamEncoder() {
            @Override
            public List<SseEvent> onChunk(ObjectNode chunk) {
                if (!includeUsage && chunk.has("usage")) {
                    if (chunk.path("choices").isEmpty()) {
                        return List.of();
                    }
                    chunk.remove("usage");
                }
                return List.of(SseEvent.data(Json.write(chunk)));
            }

            @Override
            public List<SseEvent> onEnd() {
                return List.of(SseEvent.data("[DONE]"));
            }

            @Override
            public List<SseEvent> onError(String type, String message) {
                ObjectNode error = Json.object();
                ObjectNode body = error.putObject("error");
                body.put("message", message).put("type", type).putNull("param").putNull("code");
                return List.of(SseEvent.data(Json.write(error)));
            }
        };
    }
}
