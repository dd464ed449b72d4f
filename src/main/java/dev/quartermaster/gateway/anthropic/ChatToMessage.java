package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code chat.completion} as an Anthropic {@code message}: a text block, then one {@code tool_use}
 * block per tool call. Arguments that are not a JSON object (a model's broken output) become an empty
 * input: Anthropic's clients cannot read anything else there.
 */
final class ChatToMessage {

    private ChatToMessage() {
    }

    static ObjectNode message(JsonNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode chatMessage = choice.path("message");
        ObjectNode message = Json.object();
        message.put("id", completion.path("id").asString(""));
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", completion.path("model").asString(""));
        ArrayNode content = message.putArray("content");
        String text = chatMessage.path("content").asString("");
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        for (JsonNode call : chatMessage.path("tool_calls")) {
            ObjectNode block = content.addObject().put("type", "tool_use");
            block.put("id", call.path("id").asString(""));
            block.put("name", call.path("function").path("name").asString(""));
            block.set("input", input(call.path("function").path("arguments").asString("")));
        }
        message.put("stop_reason", StopReasons.stopReason(choice.path("finish_reason").asString(null)));
        message.putNull("stop_sequence");
        message.set("usage", usage(completion.path("usage")));
        return message;
    }

    /**
     * Anthropic's usage from the hub's: {@code input_tokens} excludes cached input. Counts the hub did
     * not report stay out (Anthropic's SDKs declare input and output required, so a client that
     * validates would refuse such an answer, but a made-up zero would be metered as true).
     */
    static ObjectNode usage(JsonNode usage) {
        ObjectNode out = Json.object();
        Long prompt = Json.count(usage, "prompt_tokens");
        Long cached = Json.count(usage.path("prompt_tokens_details"), "cached_tokens");
        if (prompt != null) {
            out.put("input_tokens", prompt - (cached == null ? 0 : cached));
        }
        if (cached != null) {
            out.put("cache_read_input_tokens", cached);
        }
        Long completionTokens = Json.count(usage, "completion_tokens");
        if (completionTokens != null) {
            out.put("output_tokens", completionTokens);
        }
        return out;
    }

    private static JsonNode input(String arguments) {
        try {
            JsonNode input = Json.MAPPER.readTree(arguments);
            return input != null && input.isObject() ? input : Json.object();
        } catch (RuntimeException e) {
            return Json.object();
        }
    }
}
