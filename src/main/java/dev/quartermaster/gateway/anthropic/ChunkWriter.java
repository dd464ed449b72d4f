package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.Usage;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** The hub's chunks of one stream, all with the stream's id, model and creation time. */
final class ChunkWriter {

    private String id = "";
    private String model = "";
    private final long created = Instant.now().getEpochSecond();

    void identify(String id, String model) {
        this.id = id;
        this.model = model;
    }

    /** A chunk of one choice with this delta and finish reason (null while the answer goes on). */
    ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = head();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    ObjectNode content(String text) {
        return chunk(Json.object().put("content", text), null);
    }

    ObjectNode reasoning(String text) {
        return chunk(Json.object().put("reasoning_content", text), null);
    }

    /** The first chunk of a tool call: its index among the calls, id, name and empty arguments. */
    ObjectNode toolCallStart(int index, String callId, String name) {
        ObjectNode delta = Json.object();
        ObjectNode call = delta.putArray("tool_calls").addObject();
        call.put("index", index).put("id", callId).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        return chunk(delta, null);
    }

    ObjectNode arguments(int index, String fragment) {
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").addObject().put("index", index).putObject("function").put("arguments", fragment);
        return chunk(delta, null);
    }

    ObjectNode usage(Usage usage) {
        ObjectNode chunk = head();
        chunk.putArray("choices");
        chunk.set("usage", AnthropicUsage.chatUsage(usage));
        return chunk;
    }

    private ObjectNode head() {
        return Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
    }
}
