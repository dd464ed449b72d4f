package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hub chat request as an Anthropic Messages request body. Fields Anthropic has no counterpart for
 * ({@code frequency_penalty}, {@code seed}, {@code logprobs}, {@code stream_options}, ...) are dropped;
 * what would change the answer's shape and cannot be kept ({@code n > 1}) is refused.
 */
final class ChatToAnthropic {

    private ChatToAnthropic() {
    }

    static ObjectNode body(JsonNode chat) {
        ObjectNode body = Json.object();
        body.put("model", chat.path("model").asString(""));
        body.put("max_tokens", maxTokens(chat));
        ChatTurns turns = ChatTurns.of(chat.path("messages"));
        if (turns.system() != null) {
            body.set("system", turns.system());
        }
        body.set("messages", turns.messages());
        copyNumber(chat, body, "temperature");
        copyNumber(chat, body, "top_p");
        stop(chat.path("stop"), body);
        refuseSeveralChoices(chat.path("n"));
        if (chat.path("user").isString()) {
            body.putObject("metadata").put("user_id", chat.get("user").asString());
        }
        tools(chat, body);
        JsonAnswerTool.apply(chat.path("response_format"), body);
        if (chat.path("stream").asBoolean(false)) {
            body.put("stream", true);
        }
        return body;
    }

    /** Anthropic requires {@code max_tokens}; OpenAI's newer name wins when both are given. */
    private static long maxTokens(JsonNode chat) {
        String field = chat.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        JsonNode value = chat.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return AnthropicUpstream.DEFAULT_MAX_TOKENS;
        }
        if (!value.isIntegralNumber() || value.longValue() < 1) {
            throw new WireException(field, "must be a positive integer");
        }
        return value.longValue();
    }

    private static void copyNumber(JsonNode chat, ObjectNode body, String field) {
        JsonNode value = chat.path(field);
        if (value.isNumber()) {
            body.set(field, value);
        }
    }

    private static void stop(JsonNode stop, ObjectNode body) {
        if (stop.isString()) {
            body.putArray("stop_sequences").add(stop.asString());
        } else if (stop.isArray() && !stop.isEmpty()) {
            body.set("stop_sequences", stop);
        }
    }

    private static void refuseSeveralChoices(JsonNode n) {
        if (n.isNumber() && n.intValue() > 1) {
            throw new WireException("n", "must be 1: Anthropic models give one choice per request");
        }
    }

    private static void tools(JsonNode chat, ObjectNode body) {
        JsonNode tools = chat.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            return;
        }
        ArrayNode out = body.putArray("tools");
        for (int i = 0; i < tools.size(); i++) {
            out.add(tool(tools.get(i), "tools[" + i + "]"));
        }
        ObjectNode choice = toolChoice(chat.path("tool_choice"));
        if (chat.path("parallel_tool_calls").isBoolean() && !chat.get("parallel_tool_calls").asBoolean()
                && !"none".equals(choice.path("type").asString())) {
            choice.put("disable_parallel_tool_use", true);
        }
        body.set("tool_choice", choice);
    }

    /** A function tool as {@code {name, description, input_schema}}; Anthropic requires a schema. */
    private static ObjectNode tool(JsonNode tool, String param) {
        if (!"function".equals(tool.path("type").asString("function"))) {
            throw new WireException(param + ".type", "must be function");
        }
        JsonNode function = tool.path("function");
        ObjectNode converted = Json.object().put("name", function.path("name").asString(""));
        if (function.path("description").isString()) {
            converted.put("description", function.get("description").asString());
        }
        JsonNode parameters = function.path("parameters");
        converted.set("input_schema", parameters.isObject() ? parameters : Json.object().put("type", "object"));
        return converted;
    }

    private static ObjectNode toolChoice(JsonNode choice) {
        if (choice.isObject()) {
            String name = choice.path("function").path("name").asString("");
            if (name.isEmpty()) {
                throw new WireException("tool_choice.function.name", "is required");
            }
            return Json.object().put("type", "tool").put("name", name);
        }
        return switch (choice.asString("auto")) {
            case "auto" -> Json.object().put("type", "auto");
            case "required" -> Json.object().put("type", "any");
            case "none" -> Json.object().put("type", "none");
            default -> throw new WireException("tool_choice", "must be auto, required, none or a function");
        };
    }
}
