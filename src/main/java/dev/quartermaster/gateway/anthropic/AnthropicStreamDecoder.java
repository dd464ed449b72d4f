package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.StreamError;
import dev.quartermaster.gateway.wire.Usage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's event stream as chat chunks. The id and model come from {@code message_start};
 * each {@code tool_use} block is a tool call numbered in order, its arguments the
 * {@code input_json_delta} fragments as they come, or {@code {}} when none came (a call without
 * arguments must still have them); {@code message_delta} gives the finish and the output usage
 * (its input counts, when it has none, stay those of {@code message_start}).
 */
final class AnthropicStreamDecoder implements StreamDecoder {

    private enum Kind { TEXT, TOOL, JSON_ANSWER, THINKING, OTHER }

    private record Block(Kind kind, int tool, boolean[] argued) {
    }

    private final Map<Integer, Block> blocks = new HashMap<>();
    private String id = "";
    private String model = "";
    private final long created = Instant.now().getEpochSecond();
    private int tools;
    private boolean sawToolCall;
    private boolean finished;
    private Usage usage = Usage.NONE;

    @Override
    public List<ObjectNode> onEvent(SseEvent event) {
        JsonNode data = Json.parse(event.data(), "upstream");
        return switch (data.path("type").asString("")) {
            case "message_start" -> start(data.path("message"));
            case "content_block_start" -> blockStart(data.path("index").asInt(), data.path("content_block"));
            case "content_block_delta" -> delta(data.path("index").asInt(), data.path("delta"));
            case "content_block_stop" -> blockStop(data.path("index").asInt());
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> stop();
            case "error" -> throw new StreamError(data.path("error").path("type").asString(null),
                    data.path("error").path("message").asString("the upstream failed"));
            default -> List.of();
        };
    }

    private List<ObjectNode> start(JsonNode message) {
        id = message.path("id").asString("");
        model = message.path("model").asString("");
        usage = usage.merge(AnthropicUsage.of(message.get("usage")));
        return List.of(chunk(Json.object().put("role", "assistant").put("content", ""), null));
    }

    private List<ObjectNode> blockStart(int index, JsonNode block) {
        Kind kind = switch (block.path("type").asString("")) {
            case "text" -> Kind.TEXT;
            case "thinking" -> Kind.THINKING;
            case "tool_use" -> block.path("name").asString("").equals(AnthropicTools.JSON_TOOL) ? Kind.JSON_ANSWER : Kind.TOOL;
            default -> Kind.OTHER;
        };
        Block started = new Block(kind, kind == Kind.TOOL ? tools++ : -1, new boolean[1]);
        blocks.put(index, started);
        if (kind != Kind.TOOL) {
            return List.of();
        }
        sawToolCall = true;
        ObjectNode call = Json.object().put("index", started.tool()).put("id", block.path("id").asString("")).put("type", "function");
        call.putObject("function").put("name", block.path("name").asString("")).put("arguments", "");
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(call);
        return List.of(chunk(delta, null));
    }

    private List<ObjectNode> delta(int index, JsonNode delta) {
        Block block = blocks.getOrDefault(index, new Block(Kind.OTHER, -1, new boolean[1]));
        return switch (delta.path("type").asString("")) {
            case "text_delta" -> List.of(chunk(Json.object().put("content", delta.path("text").asString("")), null));
            case "thinking_delta" -> List.of(chunk(Json.object().put("reasoning_content", delta.path("thinking").asString("")), null));
            case "input_json_delta" -> arguments(block, delta.path("partial_json").asString(""));
            default -> List.of();
        };
    }

    private List<ObjectNode> arguments(Block block, String fragment) {
        if (fragment.isEmpty()) {
            return List.of();
        }
        if (block.kind() == Kind.JSON_ANSWER) {
            return List.of(chunk(Json.object().put("content", fragment), null));
        }
        if (block.kind() != Kind.TOOL) {
            return List.of();
        }
        block.argued()[0] = true;
        return List.of(toolArguments(block.tool(), fragment));
    }

    private List<ObjectNode> blockStop(int index) {
        Block block = blocks.get(index);
        if (block != null && block.kind() == Kind.TOOL && !block.argued()[0]) {
            block.argued()[0] = true;
            return List.of(toolArguments(block.tool(), "{}"));
        }
        return List.of();
    }

    private List<ObjectNode> messageDelta(JsonNode data) {
        usage = usage.merge(AnthropicUsage.of(data.get("usage")));
        String stop = data.path("delta").path("stop_reason").asString(null);
        if (stop == null) {
            return List.of();
        }
        String finish = stop.equals("tool_use") && !sawToolCall ? "stop" : StopReasons.toFinish(stop);
        return List.of(chunk(Json.object(), finish));
    }

    private List<ObjectNode> stop() {
        finished = true;
        if (!usage.reported()) {
            return List.of();
        }
        ObjectNode chunk = base();
        chunk.putArray("choices");
        chunk.set("usage", AnthropicUsage.openAi(usage));
        return List.of(chunk);
    }

    private ObjectNode toolArguments(int tool, String fragment) {
        ObjectNode call = Json.object().put("index", tool);
        call.putObject("function").put("arguments", fragment);
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    private ObjectNode chunk(ObjectNode delta, String finish) {
        ObjectNode chunk = base();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return chunk;
    }

    private ObjectNode base() {
        return Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
    }

    @Override
    public List<ObjectNode> onEnd() {
        return List.of();
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public Usage usage() {
        return usage;
    }
}
