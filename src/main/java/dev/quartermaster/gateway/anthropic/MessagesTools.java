package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A Messages request's {@code tools} and {@code tool_choice} as the chat request's. */
final class MessagesTools {

    private MessagesTools() {
    }

    static void read(JsonNode request, ObjectNode chat) {
        JsonNode tools = request.path("tools");
        if (tools.isArray() && !tools.isEmpty()) {
            ArrayNode out = chat.putArray("tools");
            for (int i = 0; i < tools.size(); i++) {
                out.add(tool(tools.get(i), "tools." + i));
            }
        } else if (!tools.isMissingNode() && !tools.isNull() && !tools.isArray()) {
            throw new WireException("tools", "must be an array");
        }
        JsonNode choice = request.path("tool_choice");
        if (choice.isObject()) {
            toolChoice(choice, chat);
        } else if (!choice.isMissingNode() && !choice.isNull()) {
            throw new WireException("tool_choice", "must be an object");
        }
    }

    /** A custom tool as a function; a server tool (typed, such as {@code web_search_20250305}) has none. */
    private static ObjectNode tool(JsonNode tool, String param) {
        String type = tool.path("type").asString("custom");
        if (!"custom".equals(type)) {
            throw new WireException(param + ".type", "server tools such as " + type + " are not supported by this gateway");
        }
        JsonNode schema = tool.path("input_schema");
        if (!schema.isObject()) {
            throw new WireException(param + ".input_schema", "Field required");
        }
        ObjectNode function = Json.object().put("name", MessagesToChat.requiredString(tool, "name", param + ".name"));
        if (tool.path("description").isString()) {
            function.put("description", tool.get("description").asString());
        }
        function.set("parameters", schema);
        ObjectNode out = Json.object().put("type", "function");
        out.set("function", function);
        return out;
    }

    private static void toolChoice(JsonNode choice, ObjectNode chat) {
        String type = choice.path("type").asString("");
        switch (type) {
            case "auto" -> chat.put("tool_choice", "auto");
            case "any" -> chat.put("tool_choice", "required");
            case "none" -> chat.put("tool_choice", "none");
            case "tool" -> chat.putObject("tool_choice").put("type", "function").putObject("function")
                    .put("name", MessagesToChat.requiredString(choice, "name", "tool_choice.name"));
            default -> throw new WireException("tool_choice.type", "must be auto, any, tool or none");
        }
        if (choice.path("disable_parallel_tool_use").asBoolean(false)) {
            chat.put("parallel_tool_calls", false);
        }
    }
}
