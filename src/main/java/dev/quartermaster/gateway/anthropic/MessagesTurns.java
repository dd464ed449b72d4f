package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Messages request's turns as chat messages. A user turn's {@code tool_result} blocks become one
 * {@code tool} message each, in order, before a user message with the rest of the turn (chat wants the
 * results right after the assistant's calls). A tool result's {@code is_error} has no chat form and is
 * dropped. Thinking in assistant turns is dropped: no other upstream could check its signature.
 */
final class MessagesTurns {

    private MessagesTurns() {
    }

    static void read(JsonNode turns, ArrayNode messages) {
        if (!turns.isArray() || turns.isEmpty()) {
            throw new WireException("messages", "must be a non-empty array");
        }
        for (int i = 0; i < turns.size(); i++) {
            JsonNode turn = turns.get(i);
            String param = "messages." + i;
            JsonNode content = turn.path("content");
            if (!content.isString() && !content.isArray()) {
                throw new WireException(param + ".content", "must be a string or an array of content blocks");
            }
            switch (turn.path("role").asString("")) {
                case "user" -> user(content, param + ".content", messages);
                case "assistant" -> messages.add(assistant(content, param + ".content"));
                default -> throw new WireException(param + ".role", "must be user or assistant");
            }
        }
    }

    private static void user(JsonNode content, String param, ArrayNode messages) {
        if (content.isString()) {
            messages.addObject().put("role", "user").put("content", content.asString());
            return;
        }
        ArrayNode parts = Json.array();
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            String blockParam = param + "." + j;
            switch (block.path("type").asString("")) {
                case "text" -> parts.addObject().put("type", "text").put("text", text(block, blockParam));
                case "image" -> parts.add(MessagesImages.imagePart(block.path("source"), blockParam + ".source"));
                case "tool_result" -> messages.add(toolMessage(block, blockParam));
                default -> throw new WireException(blockParam + ".type", "must be text, image or tool_result");
            }
        }
        if (!parts.isEmpty()) {
            messages.addObject().put("role", "user").set("content", parts);
        }
    }

    private static ObjectNode assistant(JsonNode content, String param) {
        ObjectNode message = Json.object().put("role", "assistant");
        if (content.isString()) {
            return message.put("content", content.asString());
        }
        StringBuilder text = new StringBuilder();
        ArrayNode calls = Json.array();
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            String blockParam = param + "." + j;
            switch (block.path("type").asString("")) {
                case "text" -> text.append(text(block, blockParam));
                case "tool_use" -> calls.add(toolCall(block, blockParam));
                case "thinking", "redacted_thinking" -> { }
                default -> throw new WireException(blockParam + ".type", "must be text, tool_use or thinking");
            }
        }
        if (text.isEmpty() && !calls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        if (!calls.isEmpty()) {
            message.set("tool_calls", calls);
        }
        return message;
    }

    private static ObjectNode toolCall(JsonNode block, String param) {
        ObjectNode call = Json.object().put("id", MessagesToChat.requiredString(block, "id", param + ".id")).put("type", "function");
        JsonNode input = block.path("input");
        if (!input.isObject()) {
            throw new WireException(param + ".input", "must be an object");
        }
        call.putObject("function").put("name", MessagesToChat.requiredString(block, "name", param + ".name"))
                .put("arguments", Json.write(input));
        return call;
    }

    private static ObjectNode toolMessage(JsonNode block, String param) {
        ObjectNode message = Json.object().put("role", "tool");
        message.put("tool_call_id", MessagesToChat.requiredString(block, "tool_use_id", param + ".tool_use_id"));
        JsonNode content = block.path("content");
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < content.size(); k++) {
                JsonNode part = content.get(k);
                if (!"text".equals(part.path("type").asString(""))) {
                    throw new WireException(param + ".content." + k + ".type", "only text tool results are supported");
                }
                text.append(text(part, param + ".content." + k));
            }
            return message.put("content", text.toString());
        }
        if (!content.isString() && !content.isMissingNode() && !content.isNull()) {
            throw new WireException(param + ".content", "must be a string or an array of content blocks");
        }
        return message.put("content", content.asString(""));
    }

    private static String text(JsonNode block, String param) {
        if (!block.path("text").isString()) {
            throw new WireException(param + ".text", "Field required");
        }
        return block.get("text").asString();
    }
}
