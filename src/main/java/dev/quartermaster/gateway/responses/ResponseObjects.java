package dev.quartermaster.gateway.responses;

import dev.quartermaster.gateway.wire.Json;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pieces of a {@code response} object, shared by the whole answer and the stream so both give
 * the same shape and the same ids. Ids derive from the upstream's completion id ({@code resp_},
 * {@code msg_} + it) and the call id ({@code fc_} + it); one is generated only when the upstream gave none.
 */
final class ResponseObjects {

    private ResponseObjects() {
    }

    /** The upstream's completion id, or a generated one when it gave none. */
    static String baseId(JsonNode completion) {
        JsonNode id = completion.get("id");
        return id != null && id.isString() && !id.asString().isEmpty() ? id.asString()
                : UUID.randomUUID().toString().replace("-", "");
    }

    static long created(JsonNode completion) {
        JsonNode created = completion.get("created");
        return created != null && created.isIntegralNumber() ? created.longValue() : Instant.now().getEpochSecond();
    }

    /** completed, or incomplete when the answer was cut short (by the token limit or a content filter). */
    static String status(String finishReason) {
        return "length".equals(finishReason) || "content_filter".equals(finishReason) ? "incomplete" : "completed";
    }

    static ObjectNode message(String baseId, String text, String refusal, String status) {
        ObjectNode message = Json.object().put("type", "message").put("id", "msg_" + baseId)
                .put("status", status).put("role", "assistant");
        ArrayNode content = message.putArray("content");
        if (text != null) {
            content.add(outputText(text));
        }
        if (refusal != null) {
            content.addObject().put("type", "refusal").put("refusal", refusal);
        }
        return message;
    }

    static ObjectNode outputText(String text) {
        ObjectNode part = Json.object().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        return part;
    }

    static ObjectNode functionCall(String callId, String name, String arguments, String status) {
        return Json.object().put("type", "function_call").put("id", "fc_" + callId).put("call_id", callId)
                .put("name", name).put("arguments", arguments).put("status", status);
    }

    /**
     * The response envelope. The request's settings are not echoed (the dialect is shared and sees
     * only the completion): {@code tools}, {@code tool_choice} and the rest carry the API's defaults.
     */
    static ObjectNode response(String baseId, long created, String model, String status, ArrayNode output) {
        ObjectNode response = Json.object().put("id", "resp_" + baseId).put("object", "response")
                .put("created_at", created).put("status", status);
        response.putNull("error");
        response.putNull("incomplete_details");
        response.putNull("instructions");
        response.putNull("max_output_tokens");
        response.put("model", model);
        response.set("output", output);
        response.put("parallel_tool_calls", true);
        response.putNull("previous_response_id");
        response.put("store", false);
        response.putNull("temperature");
        response.put("tool_choice", "auto");
        response.putArray("tools");
        response.putNull("top_p");
        response.putNull("usage");
        response.putObject("metadata");
        return response;
    }

    /** Marks a cut-short response with its reason, as OpenAI names them. */
    static void finish(ObjectNode response, String finishReason) {
        if ("length".equals(finishReason)) {
            response.putObject("incomplete_details").put("reason", "max_output_tokens");
        } else if ("content_filter".equals(finishReason)) {
            response.putObject("incomplete_details").put("reason", "content_filter");
        }
    }

    /**
     * The Responses usage for a chat usage object, or null when the upstream did not report both
     * input and output. The Responses schema (and openai-java's {@code validate()}) requires every
     * detail count, so a cached, cache-write or reasoning count the upstream did not report is written
     * 0, which is what OpenAI itself reports for none. Cache writes are read from
     * {@code prompt_tokens_details.cache_write_tokens} when the hub usage carries them.
     */
    static JsonNode usage(JsonNode chatUsage) {
        Long input = Json.count(chatUsage, "prompt_tokens");
        Long output = Json.count(chatUsage, "completion_tokens");
        if (input == null || output == null) {
            return NullNode.getInstance();
        }
        Long cached = Json.count(chatUsage.path("prompt_tokens_details"), "cached_tokens");
        Long cacheWrite = Json.count(chatUsage.path("prompt_tokens_details"), "cache_write_tokens");
        Long reasoning = Json.count(chatUsage.path("completion_tokens_details"), "reasoning_tokens");
        Long total = Json.count(chatUsage, "total_tokens");
        ObjectNode usage = Json.object().put("input_tokens", input);
        usage.putObject("input_tokens_details").put("cached_tokens", cached != null ? cached : 0L)
                .put("cache_write_tokens", cacheWrite != null ? cacheWrite : 0L);
        usage.put("output_tokens", output);
        usage.putObject("output_tokens_details").put("reasoning_tokens", reasoning != null ? reasoning : 0L);
        usage.put("total_tokens", total != null ? total : input + output);
        return usage;
    }
}
