package dev.quartermaster.gateway.responses;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat chunks written as Responses stream events. An output item opens when its first delta arrives
 * (the text, or tool call {@code k}), so {@code output_index} is the order of first appearance; text
 * and calls may interleave in the chunks, so every item stays open until the upstream finishes, then
 * all close in order and {@code response.completed} (or {@code .incomplete}) carries the whole
 * response, usage always included. Refusal deltas are not streamed.
 */
final class ResponsesStream implements StreamEncoder {

    private final List<StreamItem> items = new ArrayList<>();
    private final Map<Integer, StreamItem> calls = new HashMap<>();
    private StreamItem text;
    private long sequence;
    private String baseId;
    private long created;
    private String model = "";
    private String finishReason;
    private JsonNode usage = NullNode.getInstance();
    private boolean ended;

    @Override
    public List<SseEvent> onChunk(ObjectNode chunk) {
        List<SseEvent> out = new ArrayList<>();
        if (baseId == null) {
            start(chunk, out);
        }
        if (chunk.path("usage").isObject()) {
            usage = ResponseObjects.usage(chunk.get("usage"));
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode content = choice.path("delta").path("content");
        if (content.isString() && !content.asString().isEmpty()) {
            text(content.asString(), out);
        }
        for (JsonNode call : choice.path("delta").path("tool_calls")) {
            call(call, out);
        }
        if (choice.path("finish_reason").isString()) {
            finishReason = choice.get("finish_reason").asString();
        }
        return out;
    }

    @Override
    public List<SseEvent> onEnd() {
        List<SseEvent> out = new ArrayList<>();
        if (ended) {
            return out;
        }
        if (baseId == null) {
            start(Json.object(), out);
        }
        String status = ResponseObjects.status(finishReason);
        for (StreamItem item : items) {
            close(item, status, out);
        }
        ObjectNode response = whole(status, status);
        ResponseObjects.finish(response, finishReason);
        ObjectNode done = event(status.equals("incomplete") ? "response.incomplete" : "response.completed");
        out.add(send(done.set("response", response)));
        ended = true;
        return out;
    }

    /**
     * OpenAI's {@code response.failed}, not the bare {@code error} event: it ends the stream the way
     * clients wait for (a terminal {@code response.*} event) and carries what had streamed so far.
     */
    @Override
    public List<SseEvent> onError(String type, String message) {
        List<SseEvent> out = new ArrayList<>();
        if (ended) {
            return out;
        }
        if (baseId == null) {
            start(Json.object(), out);
        }
        ObjectNode response = whole("failed", "incomplete");
        response.putObject("error").put("code", code(type)).put("message", message);
        out.add(send(event("response.failed").set("response", response)));
        ended = true;
        return out;
    }

    private void start(JsonNode chunk, List<SseEvent> out) {
        baseId = ResponseObjects.baseId(chunk);
        created = ResponseObjects.created(chunk);
        model = chunk.path("model").asString("");
        out.add(send(event("response.created").set("response", skeleton())));
        out.add(send(event("response.in_progress").set("response", skeleton())));
    }

    private ObjectNode skeleton() {
        return ResponseObjects.response(baseId, created, model, "in_progress", Json.array());
    }

    private void text(String delta, List<SseEvent> out) {
        if (text == null) {
            text = open(new StreamItem(items.size(), "msg_" + baseId, null, null), out);
            ObjectNode part = position(event("response.content_part.added"), text).put("content_index", 0);
            out.add(send(part.set("part", ResponseObjects.outputText(""))));
        }
        text.content.append(delta);
        ObjectNode event = position(event("response.output_text.delta"), text).put("content_index", 0).put("delta", delta);
        event.putArray("logprobs");
        out.add(send(event));
    }

    private void call(JsonNode delta, List<SseEvent> out) {
        int index = delta.path("index").asInt(0);
        StreamItem call = calls.get(index);
        JsonNode function = delta.path("function");
        if (call == null) {
            String callId = delta.path("id").asString("");
            callId = callId.isEmpty() ? "call_" + UUID.randomUUID().toString().replace("-", "") : callId;
            call = open(new StreamItem(items.size(), "fc_" + callId, callId, function.path("name").asString("")), out);
            calls.put(index, call);
        }
        String fragment = function.path("arguments").asString("");
        if (!fragment.isEmpty()) {
            call.content.append(fragment);
            out.add(send(position(event("response.function_call_arguments.delta"), call).put("delta", fragment)));
        }
    }

    private StreamItem open(StreamItem item, List<SseEvent> out) {
        items.add(item);
        ObjectNode added = event("response.output_item.added").put("output_index", item.outputIndex);
        out.add(send(added.set("item", item.whole(baseId, "in_progress"))));
        return item;
    }

    private void close(StreamItem item, String status, List<SseEvent> out) {
        String content = item.content.toString();
        if (item.isText()) {
            ObjectNode done = position(event("response.output_text.done"), item).put("content_index", 0).put("text", content);
            done.putArray("logprobs");
            out.add(send(done));
            ObjectNode part = position(event("response.content_part.done"), item).put("content_index", 0);
            out.add(send(part.set("part", ResponseObjects.outputText(content))));
        } else {
            out.add(send(position(event("response.function_call_arguments.done"), item).put("arguments", content)));
        }
        ObjectNode done = event("response.output_item.done").put("output_index", item.outputIndex);
        out.add(send(done.set("item", item.whole(baseId, status))));
    }

    /** The response as streamed so far. */
    private ObjectNode whole(String status, String itemStatus) {
        ArrayNode output = Json.array();
        items.forEach(item -> output.add(item.whole(baseId, itemStatus)));
        ObjectNode response = ResponseObjects.response(baseId, created, model, status, output);
        response.set("usage", usage);
        return response;
    }

    private ObjectNode event(String type) {
        return Json.object().put("type", type).put("sequence_number", sequence++);
    }

    private static ObjectNode position(ObjectNode event, StreamItem item) {
        return event.put("item_id", item.id).put("output_index", item.outputIndex);
    }

    private static SseEvent send(JsonNode data) {
        return new SseEvent(data.get("type").asString(), Json.write(data));
    }

    /** The Responses error codes a client may act on; anything else is the server's. */
    private static String code(String type) {
        return type != null && type.contains("rate_limit") ? "rate_limit_exceeded" : "server_error";
    }
}
