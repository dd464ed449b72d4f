package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tools, tool choice and structured output from the hub to Anthropic. {@code response_format}
 * {@code json_schema} / {@code json_object} is done as peers do it: one forced tool, {@link #JSON_TOOL},
 * whose input is the answer; reading the answer turns it back into the message's content.
 */
final class AnthropicTools {

    static final String JSON_TOOL = "qm_json_answer";

    private AnthropicTools() {
    }

    static void translate(JsonNode chat, ObjectNode body) {
        ArrayNode tools = Json.array();
        JsonNode given = chat.path("tools");
        for (int i = 0; i < given.size(); i++) {
            JsonNode function = given.get(i).path("function");
            if (!given.get(i).path("type").asString("function").equals("function") || !function.path("name").isString()) {
                throw new WireException("tools[" + i + "]", "must be a function tool with a name");
            }
            ObjectNode tool = tools.addObject().put("name", function.get("name").stringValue());
            if (function.path("description").isString()) {
                tool.put("description", function.get("description").stringValue());
            }
            tool.set("input_schema", function.path("parameters").isObject() ? function.get("parameters") : emptySchema());
        }
        ObjectNode choice = choice(chat.get("tool_choice"));
        JsonNode format = chat.path("response_format");
        String type = format.path("type").asString("text");
        if (type.equals("json_schema") || type.equals("json_object")) {
            JsonNode schema = format.path("json_schema").path("schema");
            tools.addObject().put("name", JSON_TOOL).put("description", "Give the answer as this JSON object.")
                    .set("input_schema", schema.isObject() ? schema : emptySchema());
            choice = Json.object().put("type", "tool").put("name", JSON_TOOL);
        }
        if (!tools.isEmpty()) {
            body.set("tools", tools);
        }
        if (chat.path("parallel_tool_calls").isBoolean() && !chat.get("parallel_tool_calls").booleanValue()) {
            choice = choice == null ? Json.object().put("type", "auto") : choice;
            choice.put("disable_parallel_tool_use", true);
        }
        if (choice != null && !tools.isEmpty()) {
            body.set("tool_choice", choice);
        }
    }

    private static ObjectNode choice(JsonNode given) {
        if (given == null || given.isNull()) {
            return null;
        }
        if (given.isString()) {
            return switch (given.stringValue()) {
                case "auto" -> Json.object().put("type", "auto");
                case "required" -> Json.object().put("type", "any");
                case "none" -> Json.object().put("type", "none");
                default -> throw new WireException("tool_choice", "must be auto, required, none or a named function");
            };
        }
        JsonNode name = given.path("function").path("name");
        if (!name.isString()) {
            throw new WireException("tool_choice.function.name", "is required");
        }
        return Json.object().put("type", "tool").put("name", name.stringValue());
    }

    private static ObjectNode emptySchema() {
        ObjectNode schema = Json.object().put("type", "object");
        schema.putObject("properties");
        return schema;
    }
}
