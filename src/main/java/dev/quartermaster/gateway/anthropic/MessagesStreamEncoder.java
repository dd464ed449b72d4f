package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat chunks as Anthropic's stream: {@code message_start} from the first chunk, one content block
 * per run of text and per tool call (opened and closed in order, indexes counted as they open),
 * then {@code message_delta} with the stop reason and usage, and {@code message_stop}. Usage the
 * upstream reports only at the end is in {@code message_delta}; {@code message_start} carries
 * zeros as Anthropic's own placeholders do.
 */
final class MessagesStreamEncoder implements StreamEncoder {

    private final Map<Integer, Integer> toolBlocks = new HashMap<>();
    private boolean started;
    private int blocks;
    private int open = -1;
    private boolean openIsText;
    private String stopReason;
    private JsonNode usage;

    @Override
    public List<SseEvent> onChunk(ObjectNode chunk) {
        List<SseEvent> events = new ArrayList<>();
        if (!started) {
            events.add(start(chunk));
        }
        if (chunk.hasNonNull("usage")) {
            usage = chunk.get("usage");
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        String text = delta.path("content").asString("");
        if (!text.isEmpty()) {
            if (open < 0 || !openIsText) {
                openBlock(events, Json.object().put("type", "text").put("text", ""), true);
            }
            events.add(delta(open, Json.object().put("type", "text_delta").put("text", text)));
        }
        for (JsonNode call : delta.path("tool_calls")) {
            tool(events, call);
        }
        if (choice.hasNonNull("finish_reason")) {
            stopReason = StopReasons.toStop(choice.get("finish_reason").stringValue());
        }
        return events;
    }

    private void tool(List<SseEvent> events, JsonNode call) {
        int index = call.path("index").asInt(0);
        if (!toolBlocks.containsKey(index)) {
            ObjectNode block = Json.object().put("type", "tool_use").put("id", call.path("id").asString(""))
                    .put("name", call.path("function").path("name").asString(""));
            block.putObject("input");
            openBlock(events, block, false);
            toolBlocks.put(index, open);
        }
        String fragment = call.path("function").path("arguments").asString("");
        if (!fragment.isEmpty()) {
            events.add(delta(toolBlocks.get(index), Json.object().put("type", "input_json_delta").put("partial_json", fragment)));
        }
    }

    private SseEvent start(ObjectNode chunk) {
        started = true;
        ObjectNode message = Json.object().put("id", chunk.path("id").asString("")).put("type", "message")
                .put("role", "assistant").put("model", chunk.path("model").asString(""));
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
        ObjectNode data = Json.object().put("type", "message_start");
        data.set("message", message);
        return event(data);
    }

    private void openBlock(List<SseEvent> events, ObjectNode block, boolean text) {
        closeBlock(events);
        open = blocks++;
        openIsText = text;
        ObjectNode data = Json.object().put("type", "content_block_start").put("index", open);
        data.set("content_block", block);
        events.add(event(data));
    }

    private void closeBlock(List<SseEvent> events) {
        if (open >= 0) {
            events.add(event(Json.object().put("type", "content_block_stop").put("index", open)));
            open = -1;
        }
    }

    private static SseEvent delta(int index, ObjectNode delta) {
        ObjectNode data = Json.object().put("type", "content_block_delta").put("index", index);
        data.set("delta", delta);
        return event(data);
    }

    @Override
    public List<SseEvent> onEnd() {
        List<SseEvent> events = new ArrayList<>();
        if (!started) {
            events.add(start(Json.object()));
        }
        closeBlock(events);
        ObjectNode data = Json.object().put("type", "message_delta");
        data.putObject("delta").put("stop_reason", stopReason == null ? "end_turn" : stopReason).putNull("stop_sequence");
        ObjectNode counts = AnthropicUsage.anthropic(usage);
        if (!counts.has("output_tokens")) {
            counts.put("output_tokens", 0);
        }
        data.set("usage", counts);
        events.add(event(data));
        events.add(event(Json.object().put("type", "message_stop")));
        return events;
    }

    @Override
    public List<SseEvent> onError(String type, String message) {
        ObjectNode data = Json.object().put("type", "error");
        data.putObject("error").put("type", type).put("message", message);
        return List.of(event(data));
    }

    private static SseEvent event(ObjectNode data) {
        return new SseEvent(data.path("type").asString(), Json.write(data));
    }
}
