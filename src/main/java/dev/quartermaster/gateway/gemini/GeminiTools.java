package dev.quartermaster.gateway.gemini;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat {@code tools} and {@code tool_choice} as Gemini {@code tools} (one tool holding every
 * function declaration) and {@code toolConfig.functionCallingConfig}. {@code parallel_tool_calls}
 * has no Gemini switch and is ignored.
 */
final class GeminiTools {

    private GeminiTools() {
    }

    static void write(JsonNode chat, ObjectNode body) {
        JsonNode tools = chat.path("tools");
        if (tools.isArray() && !tools.isEmpty()) {
            ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
            for (int i = 0; i < tools.size(); i++) {
                declarations.add(declaration(tools.get(i), "tools[" + i + "]"));
            }
        }
        JsonNode choice = chat.get("tool_choice");
        if (choice != null && !choice.isNull()) {
            body.putObject("toolConfig").set("functionCallingConfig", choice(choice));
        }
    }

    private static ObjectNode declaration(JsonNode tool, String param) {
        if (!tool.path("type").asString("function").equals("function")) {
            throw new WireException(param + ".type", "Gemini takes only function tools");
        }
        JsonNode function = tool.path("function");
        String name = function.path("name").asString("");
        if (name.isEmpty()) {
            throw new WireException(param + ".function.name", "is required");
        }
        ObjectNode declaration = Json.object().put("name", name);
        if (function.path("description").isString()) {
            declaration.put("description", function.get("description").stringValue());
        }
        JsonNode parameters = function.get("parameters");
        if (parameters != null && !parameters.isNull() && !withoutParameters(parameters)) {
            declaration.set("parameters", GeminiSchema.of(parameters, param + ".function.parameters"));
        }
        return declaration;
    }

    /** An object schema with no properties describes no parameters; Gemini refuses it ("should be non-empty for OBJECT type"). */
    private static boolean withoutParameters(JsonNode parameters) {
        return parameters.path("type").asString("object").equals("object") && parameters.path("properties").isEmpty()
                && !parameters.has("$ref") && !parameters.has("anyOf");
    }

    private static ObjectNode choice(JsonNode choice) {
        ObjectNode config = Json.object();
        if (choice.isString()) {
            String mode = switch (choice.stringValue()) {
                case "auto" -> "AUTO";
                case "required" -> "ANY";
                case "none" -> "NONE";
                default -> throw new WireException("tool_choice", "must be auto, required, none or a function");
            };
            return config.put("mode", mode);
        }
        String name = choice.path("function").path("name").asString("");
        if (!choice.path("type").asString("").equals("function") || name.isEmpty()) {
            throw new WireException("tool_choice", "must be auto, required, none or a function");
        }
        config.put("mode", "ANY").putArray("allowedFunctionNames").add(name);
        return config;
    }
}
