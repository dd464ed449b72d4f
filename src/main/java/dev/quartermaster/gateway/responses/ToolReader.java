package dev.quartermaster.gateway.responses;

import static dev.quartermaster.gateway.responses.RequestReader.copyIfPresent;
import static dev.quartermaster.gateway.responses.RequestReader.present;
import static dev.quartermaster.gateway.responses.RequestReader.string;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code tools} and {@code tool_choice}. Only function tools translate: the hosted tools (web and
 * file search, computer use, MCP, code interpreter, ...) run on OpenAI's side, which the gateway is not.
 */
final class ToolReader {

    private ToolReader() {
    }

    static void read(JsonNode request, ObjectNode chat) {
        if (present(request, "tools")) {
            JsonNode tools = request.get("tools");
            if (!tools.isArray()) {
                throw new WireException("tools", "must be an array of tools");
            }
            ArrayNode chatTools = chat.putArray("tools");
            for (int i = 0; i < tools.size(); i++) {
                chatTools.add(tool(tools.get(i), "tools[" + i + "]"));
            }
        }
        if (present(request, "tool_choice")) {
            chat.set("tool_choice", choice(request.get("tool_choice")));
        }
    }

    private static ObjectNode tool(JsonNode tool, String at) {
        String type = tool.path("type").asString("");
        if (!type.equals("function")) {
            throw new WireException(at + ".type", type.isEmpty() ? "is required"
                    : "'" + type + "' tools are not supported through the gateway; only function tools are");
        }
        ObjectNode function = Json.object();
        function.put("name", string(tool, "name", at + ".name"));
        copyIfPresent(tool, "description", function);
        copyIfPresent(tool, "parameters", function);
        copyIfPresent(tool, "strict", function);
        ObjectNode chatTool = Json.object().put("type", "function");
        chatTool.set("function", function);
        return chatTool;
    }

    private static JsonNode choice(JsonNode choice) {
        if (choice.isString()) {
            String mode = choice.asString();
            if (!mode.equals("auto") && !mode.equals("none") && !mode.equals("required")) {
                throw new WireException("tool_choice", "must be auto, none, required or a function");
            }
            return choice;
        }
        if (!choice.path("type").asString("").equals("function")) {
            throw new WireException("tool_choice", "only auto, none, required or {\"type\": \"function\", \"name\": ...} "
                    + "are supported through the gateway");
        }
        ObjectNode chatChoice = Json.object().put("type", "function");
        chatChoice.putObject("function").put("name", string(choice, "name", "tool_choice.name"));
        return chatChoice;
    }
}
