package dev.quartermaster.gateway.responses;

import static dev.quartermaster.gateway.responses.RequestReader.present;
import static dev.quartermaster.gateway.responses.RequestReader.string;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code input} read into chat messages. The Responses API spreads one assistant turn over items (its
 * text, then one {@code function_call} item per call); chat keeps a turn in one assistant message, so
 * consecutive calls join the assistant message right before them. {@code reasoning} items are dropped:
 * they are OpenAI's encrypted or summarised thoughts, which no other upstream can read back.
 */
final class InputReader {

    private final ArrayNode messages;
    /** The assistant message that function calls coming next join; null once anything else came after it. */
    private ObjectNode openTurn;

    private InputReader(ArrayNode messages) {
        this.messages = messages;
    }

    static void read(JsonNode input, ArrayNode messages) {
        if (input != null && input.isString()) {
            messages.addObject().put("role", "user").put("content", input.asString());
            return;
        }
        if (input == null || !input.isArray() || input.isEmpty()) {
            throw new WireException("input", "is required: a string or a non-empty array of input items");
        }
        InputReader reader = new InputReader(messages);
        for (int i = 0; i < input.size(); i++) {
            reader.item(input.get(i), "input[" + i + "]");
        }
    }

    private void item(JsonNode item, String at) {
        if (!item.isObject()) {
            throw new WireException(at, "must be an input item object");
        }
        String type = item.has("type") ? string(item, "type", at + ".type") : item.has("role") ? "message" : "";
        switch (type) {
            case "message" -> message(item, at);
            case "function_call" -> functionCall(item, at);
            case "function_call_output" -> functionOutput(item, at);
            case "reasoning" -> {
                // dropped on purpose (see the class comment); the assistant turn stays open around it
            }
            case "" -> throw new WireException(at + ".type", "is required");
            default -> throw new WireException(at + ".type", "'" + type + "' items are not supported through the gateway");
        }
    }

    private void message(JsonNode item, String at) {
        String role = string(item, "role", at + ".role");
        if (!role.equals("user") && !role.equals("assistant") && !role.equals("system") && !role.equals("developer")) {
            throw new WireException(at + ".role", "must be user, assistant, system or developer");
        }
        // developer is the Responses name of the system turn; every upstream knows system
        ObjectNode message = messages.addObject().put("role", role.equals("developer") ? "system" : role);
        JsonNode content = item.get("content");
        if (content != null && content.isString()) {
            message.set("content", content);
        } else if (content != null && content.isArray()) {
            message.set("content", ContentReader.parts(content, at + ".content", role.equals("user")));
        } else {
            throw new WireException(at + ".content", "is required: a string or an array of content parts");
        }
        openTurn = role.equals("assistant") ? message : null;
    }

    private void functionCall(JsonNode item, String at) {
        ObjectNode call = Json.object()
                .put("id", string(item, "call_id", at + ".call_id"))
                .put("type", "function");
        call.putObject("function")
                .put("name", string(item, "name", at + ".name"))
                .put("arguments", string(item, "arguments", at + ".arguments"));
        if (openTurn == null) {
            openTurn = messages.addObject().put("role", "assistant");
            openTurn.putNull("content");
        }
        JsonNode calls = openTurn.get("tool_calls");
        (calls != null ? (ArrayNode) calls : openTurn.putArray("tool_calls")).add(call);
    }

    private void functionOutput(JsonNode item, String at) {
        String callId = string(item, "call_id", at + ".call_id");
        ObjectNode message = messages.addObject().put("role", "tool").put("tool_call_id", callId);
        JsonNode output = item.get("output");
        if (output != null && output.isString()) {
            message.set("content", output);
        } else if (output != null && output.isArray()) {
            message.set("content", ContentReader.parts(output, at + ".output", false));
        } else {
            throw new WireException(at + ".output", present(item, "output")
                    ? "must be a string or an array of content parts" : "is required");
        }
        openTurn = null;
    }
}
