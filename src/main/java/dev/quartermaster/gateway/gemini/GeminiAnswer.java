package dev.quartermaster.gateway.gemini;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.Usage;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole {@code GenerateContentResponse} as a {@code chat.completion}: one choice per candidate,
 * every part read. Text parts join into {@code content}; {@code thought: true} parts are the
 * model's thinking, given as {@code reasoning_content} (the field OpenAI-compatible servers use)
 * and never as content; {@code functionCall} parts become {@code tool_calls}. The model is Gemini's
 * {@code modelVersion}, left out when Gemini gives none (no placeholder); {@code created} is the
 * gateway's clock, as Gemini gives no creation time.
 */
final class GeminiAnswer {

    private GeminiAnswer() {
    }

    static ObjectNode completion(JsonNode answer) {
        ObjectNode completion = Json.object();
        completion.put("id", answer.path("responseId").asString(ToolCallIds.completionId()));
        completion.put("object", "chat.completion").put("created", Instant.now().getEpochSecond());
        if (answer.path("modelVersion").isString()) {
            completion.put("model", answer.get("modelVersion").stringValue());
        }
        ArrayNode choices = completion.putArray("choices");
        JsonNode candidates = answer.path("candidates");
        for (int i = 0; i < candidates.size(); i++) {
            choices.add(choice(candidates.get(i), i));
        }
        if (candidates.isEmpty()) {
            choices.add(blocked(answer.path("promptFeedback")));
        }
        Usage usage = GeminiUsage.of(answer.get("usageMetadata"));
        if (usage.reported()) {
            completion.set("usage", GeminiUsage.json(usage));
        }
        return completion;
    }

    private static ObjectNode choice(JsonNode candidate, int position) {
        ObjectNode message = Json.object().put("role", "assistant");
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode toolCalls = Json.array();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("functionCall")) {
                toolCalls.add(toolCall(part, null));
            } else if (part.path("thought").asBoolean(false)) {
                reasoning.append(part.path("text").asString(""));
            } else {
                content.append(part.path("text").asString(""));
            }
        }
        message.put("content", content.isEmpty() ? null : content.toString()).putNull("refusal");
        if (!reasoning.isEmpty()) {
            message.put("reasoning_content", reasoning.toString());
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        ObjectNode choice = Json.object().put("index", candidate.path("index").asInt(position));
        choice.set("message", message);
        choice.put("finish_reason", finishReason(candidate.path("finishReason").asString(""), !toolCalls.isEmpty()));
        return choice.putNull("logprobs");
    }

    /** No candidate at all: Gemini refused the prompt ({@code promptFeedback.blockReason}) or gave nothing. */
    private static ObjectNode blocked(JsonNode feedback) {
        ObjectNode choice = Json.object().put("index", 0);
        choice.putObject("message").put("role", "assistant").putNull("content").putNull("refusal");
        choice.put("finish_reason", feedback.has("blockReason") ? "content_filter" : "stop");
        return choice.putNull("logprobs");
    }

    /**
     * A {@code functionCall} part as an OpenAI tool call, arguments whole (Gemini never splits a
     * call); {@code index} is set for stream deltas and left out of whole messages, as OpenAI does.
     */
    static ObjectNode toolCall(JsonNode part, Integer index) {
        ObjectNode call = Json.object();
        if (index != null) {
            call.put("index", index);
        }
        JsonNode functionCall = part.get("functionCall");
        call.put("id", ToolCallIds.create(part.path("thoughtSignature").asString(null))).put("type", "function");
        JsonNode args = functionCall.path("args");
        call.putObject("function").put("name", functionCall.path("name").asString(""))
                .put("arguments", Json.write(args.isObject() ? args : Json.object()));
        return call;
    }

    /**
     * OpenAI's finish reason: {@code tool_calls} whenever the answer calls a function; Gemini's
     * filters are {@code content_filter}; every other reason (OTHER, MALFORMED_FUNCTION_CALL...) has
     * no OpenAI counterpart and is {@code stop}.
     */
    static String finishReason(String reason, boolean toolCalls) {
        if (toolCalls) {
            return "tool_calls";
        }
        return switch (reason) {
            case "MAX_TOKENS" -> "length";
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" -> "content_filter";
            default -> "stop";
        };
    }
}
