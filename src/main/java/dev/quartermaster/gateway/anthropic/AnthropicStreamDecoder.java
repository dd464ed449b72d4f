package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.anthropic.Block.Kind;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.StreamError;
import dev.quartermaster.gateway.wire.Usage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's message event stream as chat chunks. Tool input arrives as {@code input_json_delta}
 * fragments of JSON text and is passed on as argument fragments unchanged, so escapes split across
 * fragments join up again; a call whose input came in no fragment ends with arguments {@code {}}.
 * Usage is kept as one object merged from {@code message_start} and {@code message_delta} (which may
 * lack the input counts) and sent once, as a usage chunk at {@code message_stop}.
 */
final class AnthropicStreamDecoder implements StreamDecoder {

    private final ChunkWriter chunks = new ChunkWriter();
    private final Map<Integer, Block> blocks = new HashMap<>();
    private final ObjectNode usage = Json.object();
    private int toolCalls;
    private boolean finished;
    private boolean usageSent;

    @Override
    public List<ObjectNode> onEvent(SseEvent event) {
        if (event.data() == null || event.data().isBlank()) {
            return List.of();
        }
        JsonNode data = parse(event.data());
        String type = data.path("type").asString(event.event() == null ? "" : event.event());
        return switch (type) {
            case "message_start" -> start(data.path("message"));
            case "content_block_start" -> blockStart(data.path("index").asInt(), data.path("content_block"));
            case "content_block_delta" -> blockDelta(block(data), data.path("delta"));
            case "content_block_stop" -> blockStop(block(data));
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> stop();
            case "error" -> throw new StreamError(data.path("error").path("type").asString(null),
                    data.path("error").path("message").asString("the upstream reported an error"));
            default -> List.of(); // ping, and events newer than this decoder
        };
    }

    @Override
    public List<ObjectNode> onEnd() {
        return usageChunk();
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public Usage usage() {
        return usage.isEmpty() ? Usage.NONE : AnthropicUsage.normalise(usage);
    }

    private List<ObjectNode> start(JsonNode message) {
        chunks.identify(message.path("id").asString(""), message.path("model").asString(""));
        mergeUsage(message.path("usage"));
        return List.of(chunks.chunk(Json.object().put("role", "assistant").put("content", ""), null));
    }

    private List<ObjectNode> blockStart(int index, JsonNode block) {
        String type = block.path("type").asString("");
        List<ObjectNode> out = new ArrayList<>();
        if ("tool_use".equals(type) && !JsonAnswerTool.is(block)) {
            Block call = new Block(Kind.TOOL, toolCalls++);
            blocks.put(index, call);
            out.add(chunks.toolCallStart(call.toolIndex, block.path("id").asString(""), block.path("name").asString("")));
            JsonNode input = block.path("input");
            if (input.isObject() && !input.isEmpty()) {
                out.addAll(call.fragment(Json.write(input), chunks));
            }
            return out;
        }
        Kind kind = switch (type) {
            case "text" -> Kind.TEXT;
            case "thinking" -> Kind.THINKING;
            case "tool_use" -> Kind.JSON_ANSWER;
            default -> Kind.IGNORED;
        };
        Block started = new Block(kind, -1);
        blocks.put(index, started);
        return started.fragment(block.path(kind == Kind.THINKING ? "thinking" : "text").asString(""), chunks);
    }

    private List<ObjectNode> blockDelta(Block block, JsonNode delta) {
        return switch (delta.path("type").asString("")) {
            case "text_delta" -> block.fragment(delta.path("text").asString(""), chunks);
            case "input_json_delta" -> block.fragment(delta.path("partial_json").asString(""), chunks);
            case "thinking_delta" -> block.fragment(delta.path("thinking").asString(""), chunks);
            default -> List.of(); // signature_delta, citations_delta
        };
    }

    private List<ObjectNode> blockStop(Block block) {
        return block.close(chunks);
    }

    private List<ObjectNode> messageDelta(JsonNode data) {
        mergeUsage(data.path("usage"));
        String stopReason = data.path("delta").path("stop_reason").asString(null);
        if (stopReason == null) {
            return List.of();
        }
        String finish = StopReasons.finishReason(stopReason);
        if ("tool_calls".equals(finish) && toolCalls == 0) {
            finish = "stop"; // the forced JSON answer
        }
        return List.of(chunks.chunk(Json.object(), finish));
    }

    private List<ObjectNode> stop() {
        finished = true;
        return usageChunk();
    }

    private List<ObjectNode> usageChunk() {
        Usage seen = usage();
        if (usageSent || !seen.reported()) {
            return List.of();
        }
        usageSent = true;
        return List.of(chunks.usage(seen));
    }

    private void mergeUsage(JsonNode later) {
        if (later.isObject()) {
            later.properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    usage.set(field.getKey(), field.getValue());
                }
            });
        }
    }

    private Block block(JsonNode data) {
        return blocks.getOrDefault(data.path("index").asInt(), Block.UNKNOWN);
    }

    private static JsonNode parse(String data) {
        try {
            return Json.MAPPER.readTree(data);
        } catch (RuntimeException e) {
            throw new StreamError("api_error", "the upstream sent an event that is not JSON");
        }
    }
}
