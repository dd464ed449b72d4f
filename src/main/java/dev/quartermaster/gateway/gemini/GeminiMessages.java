package dev.quartermaster.gateway.gemini;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat {@code messages} as Gemini {@code contents} and {@code systemInstruction}. System and
 * developer messages, wherever they stand, join the one system instruction Gemini has. Tool results
 * name their function, which Gemini matches on, so each {@code tool_call_id} is looked up among the
 * earlier assistant tool calls of the same request: the gateway keeps no conversation state.
 */
final class GeminiMessages {

    private final ArrayNode contents = Json.array();
    private final ArrayNode system = Json.array();
    private final Map<String, String> toolNames = new HashMap<>();
    private ObjectNode toolTurn;

    private GeminiMessages() {
    }

    /** Writes {@code contents} and, if any, {@code systemInstruction} of {@code messages} into {@code body}. */
    static void write(JsonNode messages, ObjectNode body) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new WireException("messages", "must be a non-empty array");
        }
        GeminiMessages reader = new GeminiMessages();
        for (int i = 0; i < messages.size(); i++) {
            reader.read(messages.get(i), "messages[" + i + "]");
        }
        if (!reader.system.isEmpty()) {
            body.putObject("systemInstruction").set("parts", reader.system);
        }
        body.set("contents", reader.contents);
    }

    private void read(JsonNode message, String param) {
        String role = message.path("role").asString("");
        if (!role.equals("tool")) {
            toolTurn = null;
        }
        switch (role) {
            case "system", "developer" -> system.addAll(GeminiParts.of(message.get("content"), param + ".content"));
            case "user" -> turn("user", GeminiParts.of(message.get("content"), param + ".content"));
            case "assistant" -> assistant(message, param);
            case "tool" -> tool(message, param);
            default -> throw new WireException(param + ".role", "role '" + role + "' is not supported");
        }
    }

    private void assistant(JsonNode message, String param) {
        ArrayNode parts = GeminiParts.of(message.get("content"), param + ".content");
        JsonNode calls = message.path("tool_calls");
        for (int j = 0; j < calls.size(); j++) {
            parts.add(functionCall(calls.get(j), param + ".tool_calls[" + j + "]"));
        }
        turn("model", parts);
    }

    private ObjectNode functionCall(JsonNode call, String param) {
        String id = call.path("id").asString("");
        String name = call.path("function").path("name").asString("");
        if (name.isEmpty()) {
            throw new WireException(param + ".function.name", "is required");
        }
        toolNames.put(id, name);
        ObjectNode part = Json.object();
        ObjectNode functionCall = part.putObject("functionCall").put("name", name);
        functionCall.set("args", arguments(call.path("function").path("arguments"), param + ".function.arguments"));
        String signature = ToolCallIds.signature(id);
        if (signature != null) {
            part.put("thoughtSignature", signature);
        }
        return part;
    }

    /** Tool-call arguments are a JSON object in a string; Gemini wants the object itself. */
    private static JsonNode arguments(JsonNode arguments, String param) {
        String text = arguments.isString() ? arguments.stringValue().strip() : "";
        if (text.isEmpty()) {
            return Json.object();
        }
        JsonNode parsed = Json.parse(text, param);
        if (!parsed.isObject()) {
            throw new WireException(param, "must be a JSON object");
        }
        return parsed;
    }

    /** Consecutive tool results answer one model turn, so they share one user turn. */
    private void tool(JsonNode message, String param) {
        String id = message.path("tool_call_id").asString("");
        String name = toolNames.get(id);
        if (name == null) {
            throw new WireException(param + ".tool_call_id", "matches no tool call of an earlier assistant message");
        }
        ObjectNode part = Json.object();
        ObjectNode response = part.putObject("functionResponse").put("name", name);
        response.set("response", result(GeminiParts.text(message.get("content"), param + ".content")));
        if (toolTurn == null) {
            toolTurn = contents.addObject().put("role", "user");
            toolTurn.putArray("parts");
        }
        ((ArrayNode) toolTurn.get("parts")).add(part);
    }

    /** A JSON object result is passed as it is; anything else is wrapped, since Gemini's response must be an object. */
    private static JsonNode result(String text) {
        try {
            JsonNode parsed = Json.MAPPER.readTree(text);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (RuntimeException e) {
            // not JSON: the text itself is the result
        }
        return Json.object().put("result", text);
    }

    /** Adds a turn; one without parts (an empty assistant message) is left out, as Gemini refuses empty turns. */
    private void turn(String role, ArrayNode parts) {
        if (!parts.isEmpty()) {
            contents.addObject().put("role", role).set("parts", parts);
        }
    }
}
