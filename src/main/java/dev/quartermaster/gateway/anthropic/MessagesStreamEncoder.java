package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat chunks as Anthropic's message event stream. Content blocks are numbered in the order they
 * start and follow one another as Anthropic's do: text opens a text block, each new tool call closes
 * the open block and opens a {@code tool_use} block. Reasoning deltas are dropped (a thinking block
 * needs a signature no other upstream gives). Counts are not known when {@code message_start} goes, so
 * it carries zeros; the real counts go in {@code message_delta}, which Anthropic's clients merge over
 * them. Its {@code output_tokens}, which every Anthropic SDK reads, is 0 when the upstream reported
 * none; metering reads the decoder's usage, not this.
 */
final class MessagesStreamEncoder implements StreamEncoder {

    private final Map<Integer, Integer> toolBlocks = new HashMap<>();
    private boolean started;
    private boolean ended;
    private int blocks;
    private int open = -1;
    private boolean textOpen;
    private String finishReason;
    private JsonNode usage = Json.object();

    @Override
    public List<SseEvent> onChunk(ObjectNode chunk) {
        List<SseEvent> events = new ArrayList<>();
        start(chunk, events);
        if (chunk.path("usage").isObject()) {
            usage = chunk.get("usage");
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        String text = delta.path("content").asString("");
        if (!text.isEmpty()) {
            text(text, events);
        }
        for (JsonNode call : delta.path("tool_calls")) {
            toolCall(call, events);
        }
        if (choice.path("finish_reason").isString()) {
            finishReason = choice.get("finish_reason").asString();
        }
        return events;
    }

    @Override
    public List<SseEvent> onEnd() {
        if (ended) {
            return List.of();
        }
        ended = true;
        List<SseEvent> events = new ArrayList<>();
        start(Json.object(), events);
        close(events);
        ObjectNode delta = Json.object().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", StopReasons.stopReason(finishReason)).putNull("stop_sequence");
        ObjectNode counts = ChatToMessage.usage(usage);
        if (!counts.has("output_tokens")) {
            counts.put("output_tokens", 0);
        }
        delta.set("usage", counts);
        events.add(event(delta));
        events.add(event(Json.object().put("type", "message_stop")));
        return events;
    }

    @Override
    public List<SseEvent> onError(String type, String message) {
        ended = true;
        ObjectNode error = Json.object().put("type", "error");
        error.putObject("error").put("type", type == null ? "api_error" : type).put("message", message);
        return List.of(event(error));
    }

    private void start(JsonNode chunk, List<SseEvent> events) {
        if (started) {
            return;
        }
        started = true;
        ObjectNode message = Json.object();
        message.put("id", chunk.path("id").asString("msg_" + UUID.randomUUID().toString().replace("-", "")));
        message.put("type", "message").put("role", "assistant").put("model", chunk.path("model").asString(""));
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
        ObjectNode start = Json.object().put("type", "message_start");
        start.set("message", message);
        events.add(event(start));
    }

    private void text(String text, List<SseEvent> events) {
        if (!textOpen) {
            close(events);
            open = blocks++;
            textOpen = true;
            ObjectNode block = Json.object().put("type", "text").put("text", "");
            events.add(blockStart(block));
        }
        ObjectNode delta = Json.object().put("type", "text_delta").put("text", text);
        events.add(blockDelta(open, delta));
    }

    /**
     * A call's first chunk opens its block; arguments go to the call's block by its index, so a
     * fragment for an earlier call still lands on that call's block.
     */
    private void toolCall(JsonNode call, List<SseEvent> events) {
        int index = call.path("index").asInt(0);
        if (!toolBlocks.containsKey(index)) {
            close(events);
            open = blocks++;
            toolBlocks.put(index, open);
            ObjectNode block = Json.object().put("type", "tool_use");
            block.put("id", call.path("id").asString("toolu_" + UUID.randomUUID().toString().replace("-", "")));
            block.put("name", call.path("function").path("name").asString(""));
            block.putObject("input");
            events.add(blockStart(block));
        }
        String arguments = call.path("function").path("arguments").asString("");
        if (!arguments.isEmpty()) {
            ObjectNode delta = Json.object().put("type", "input_json_delta").put("partial_json", arguments);
            events.add(blockDelta(toolBlocks.get(index), delta));
        }
    }

    private void close(List<SseEvent> events) {
        if (open >= 0) {
            events.add(event(Json.object().put("type", "content_block_stop").put("index", open)));
        }
        open = -1;
        textOpen = false;
    }

    private SseEvent blockStart(ObjectNode block) {
        ObjectNode start = Json.object().put("type", "content_block_start").put("index", open);
        start.set("content_block", block);
        return event(start);
    }

    private static SseEvent blockDelta(int index, ObjectNode delta) {
        ObjectNode event = Json.object().put("type", "content_block_delta").put("index", index);
        event.set("delta", delta);
        return event(event);
    }

    private static SseEvent event(ObjectNode data) {
        return new SseEvent(data.get("type").asString(), Json.write(data));
    }
}
