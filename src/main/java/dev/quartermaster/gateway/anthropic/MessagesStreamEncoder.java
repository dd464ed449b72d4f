package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat chunks as Anthropic's message event stream. Content blocks are numbered in the order they
 * start: text opens a text block (closing what is open), each new tool call a {@code tool_use} block.
 * Tool blocks stay open until text follows or the stream ends, because some upstreams interleave the
 * arguments of parallel calls and Anthropic's clients parse a call's input when its block stops. Reasoning deltas are dropped (a thinking block
 * needs a signature no other upstream gives). Counts are not known when {@code message_start} goes, so
 * it carries zeros; the real counts go in {@code message_delta}, which Anthropic's clients merge over
 * them. Its {@code output_tokens}, which every Anthropic SDK reads, is 0 when the upstream reported
 * none; metering reads the decoder's usage, not this.
 */
final class MessagesStreamEncoder implements StreamEncoder {

    /** Open tool blocks: the call's index among tool calls to its block's index, in the order they started. */
    private final Map<Integer, Integer> toolBlocks = new LinkedHashMap<>();
    private final List<Integer> seenCalls = new ArrayList<>();
    private boolean started;
    private boolean ended;
    private int blocks;
    private int openText = -1;
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
        if (openText < 0) {
            close(events);
            openText = blocks++;
            ObjectNode block = Json.object().put("type", "text").put("text", "");
            events.add(blockStart(openText, block));
        }
        ObjectNode delta = Json.object().put("type", "text_delta").put("text", text);
        events.add(blockDelta(openText, delta));
    }

    /** A call's first chunk opens its block; arguments go to the call's block, found by the call's index. */
    private void toolCall(JsonNode call, List<SseEvent> events) {
        int index = call.path("index").asInt(0);
        if (!seenCalls.contains(index)) {
            closeText(events);
            seenCalls.add(index);
            int block = blocks++;
            toolBlocks.put(index, block);
            ObjectNode toolUse = Json.object().put("type", "tool_use");
            toolUse.put("id", call.path("id").asString("toolu_" + UUID.randomUUID().toString().replace("-", "")));
            toolUse.put("name", call.path("function").path("name").asString(""));
            toolUse.putObject("input");
            events.add(blockStart(block, toolUse));
        }
        String arguments = call.path("function").path("arguments").asString("");
        if (!arguments.isEmpty() && toolBlocks.containsKey(index)) {
            ObjectNode delta = Json.object().put("type", "input_json_delta").put("partial_json", arguments);
            events.add(blockDelta(toolBlocks.get(index), delta));
        }
    }

    /** Closes every open block: the tool blocks in the order they started, or the text block. */
    private void close(List<SseEvent> events) {
        toolBlocks.values().forEach(block -> events.add(blockStop(block)));
        toolBlocks.clear();
        closeText(events);
    }

    private void closeText(List<SseEvent> events) {
        if (openText >= 0) {
            events.add(blockStop(openText));
        }
        openText = -1;
    }

    private static SseEvent blockStop(int index) {
        return event(Json.object().put("type", "content_block_stop").put("index", index));
    }

    private static SseEvent blockStart(int index, ObjectNode block) {
        ObjectNode start = Json.object().put("type", "content_block_start").put("index", index);
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
