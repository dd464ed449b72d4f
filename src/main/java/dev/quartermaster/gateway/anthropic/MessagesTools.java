package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A Messages request's client tools and tool choice as the hub's; Anthropic's server tools are refused. */
final class MessagesTools {

    private MessagesTools() {
    }

    static void translate(JsonNode request, ObjectNode chat) {
        JsonNode given = request.path("tools");
        if (!given.isEmpty()) {
            ArrayNode tools = chat.putArray("tools");
            for (int i = 0; i < given.size(); i++) {
                JsonNode tool = given.get(i);
                String type = tool.path("type").asString("custom");
                if (!type.equals("custom") || !tool.path("name").isString()) {
                    throw new WireException("tools." + i, "must be a client tool with a name and input_schema (server tools are "
                            + "not translated)");
                }
                ObjectNode function = tools.addObject().put("type", "function").putObject("function")
                        .put("name", tool.get("name").stringValue());
                if (tool.path("description").isString()) {
                    function.put("description", tool.get("description").stringValue());
                }
                function.set("parameters", tool.path("input_schema").isObject() ? tool.get("input_schema") : Json.object());
            }
        }
        JsonNode choice = request.get("tool_choice");
        if (choice == null || !choice.isObject()) {
            return;
        }
        switch (choice.path("type").asString("")) {
            case "auto" -> chat.put("tool_choice", "auto");
            case "any" -> chat.put("tool_choice", "required");
            case "none" -> chat.put("tool_choice", "none");
            case "tool" -> chat.putObject("tool_choice").put("type", "function").putObject("function")
                    .put("name", choice.path("name").asString(""));
            default -> throw new WireException("tool_choice.type", "must be auto, any, tool or none");
        }
        if (choice.path("disable_parallel_tool_use").asBoolean(false)) {
            chat.put("parallel_tool_calls", false);
        }
    }
}
