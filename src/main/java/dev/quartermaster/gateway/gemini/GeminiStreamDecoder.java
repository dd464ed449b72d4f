package dev.quartermaster.gateway.gemini;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.StreamError;
import dev.quartermaster.gateway.wire.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code streamGenerateContent?alt=sse}: every {@code data:} is a whole GenerateContentResponse
 * holding the next parts. Each run of text (or of thought) parts becomes one chunk, each function
 * call one chunk (Gemini sends calls whole, so the arguments come complete on the call's first and
 * only delta), and a finish reason a closing chunk with an empty delta, as OpenAI sends them. Usage
 * is cumulative in Gemini's chunks, so the last {@code usageMetadata} wins, sent once at the end.
 */
final class GeminiStreamDecoder implements StreamDecoder {

    private final long created = Instant.now().getEpochSecond();
    private final Set<Integer> started = new HashSet<>();
    private final Map<Integer, Integer> toolCalls = new HashMap<>();
    private String id;
    private String model;
    private boolean finished;
    private Usage usage = Usage.NONE;

    @Override
    public List<ObjectNode> onEvent(SseEvent event) {
        String data = event.data() == null ? "" : event.data().strip();
        if (data.isEmpty() || data.equals("[DONE]")) {
            return List.of();
        }
        JsonNode response = read(data);
        if (id == null) {
            id = response.path("responseId").asString(ToolCallIds.completionId());
        }
        if (response.path("modelVersion").isString()) {
            model = response.get("modelVersion").stringValue();
        }
        if (response.path("usageMetadata").isObject()) {
            usage = GeminiUsage.of(response.get("usageMetadata"));
        }
        List<ObjectNode> chunks = new ArrayList<>();
        JsonNode candidates = response.path("candidates");
        for (int i = 0; i < candidates.size(); i++) {
            candidate(candidates.get(i), candidates.get(i).path("index").asInt(i), chunks);
        }
        if (candidates.isEmpty() && response.path("promptFeedback").has("blockReason")) {
            finished = true;
            chunks.add(chunk(0, Json.object(), "content_filter"));
        }
        return chunks;
    }

    private static JsonNode read(String data) {
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(data);
        } catch (RuntimeException e) {
            throw new StreamError("invalid_response", "Gemini sent an event that is not JSON");
        }
        JsonNode error = response.path("error");
        if (error.isObject()) {
            throw new StreamError(error.path("status").asString(null), error.path("message").asString("Gemini stream error"));
        }
        return response;
    }

    private void candidate(JsonNode candidate, int index, List<ObjectNode> chunks) {
        StringBuilder run = new StringBuilder();
        boolean thinking = false;
        for (JsonNode part : candidate.path("content").path("parts")) {
            boolean thought = part.path("thought").asBoolean(false);
            if (part.has("functionCall") || thought != thinking) {
                flush(index, run, thinking, chunks);
                thinking = thought;
            }
            if (part.has("functionCall")) {
                int k = toolCalls.merge(index, 1, Integer::sum) - 1;
                ObjectNode delta = Json.object();
                delta.putArray("tool_calls").add(GeminiAnswer.toolCall(part, k));
                chunks.add(chunk(index, delta, null));
            } else {
                run.append(part.path("text").asString(""));
            }
        }
        flush(index, run, thinking, chunks);
        String reason = candidate.path("finishReason").asString("");
        if (!reason.isEmpty()) {
            finished = true;
            chunks.add(chunk(index, Json.object(), GeminiAnswer.finishReason(reason, toolCalls.containsKey(index))));
        }
    }

    private void flush(int index, StringBuilder run, boolean thinking, List<ObjectNode> chunks) {
        if (!run.isEmpty()) {
            chunks.add(chunk(index, Json.object().put(thinking ? "reasoning_content" : "content", run.toString()), null));
            run.setLength(0);
        }
    }

    /** One chunk for choice {@code index}; the choice's first chunk says who speaks, as OpenAI's does. */
    private ObjectNode chunk(int index, ObjectNode delta, String finishReason) {
        ObjectNode choice = Json.object().put("index", index);
        if (started.add(index)) {
            ObjectNode first = Json.object().put("role", "assistant");
            delta = first.setAll(delta);
        }
        choice.set("delta", delta);
        choice.putNull("logprobs").put("finish_reason", finishReason);
        ObjectNode chunk = header();
        chunk.putArray("choices").add(choice);
        return chunk;
    }

    private ObjectNode header() {
        ObjectNode chunk = Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", created);
        if (model != null) {
            chunk.put("model", model);
        }
        return chunk;
    }

    @Override
    public List<ObjectNode> onEnd() {
        if (!usage.reported() || id == null) {
            return List.of();
        }
        ObjectNode chunk = header();
        chunk.putArray("choices");
        chunk.set("usage", GeminiUsage.json(usage));
        return List.of(chunk);
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
