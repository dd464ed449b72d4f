package dev.quartermaster.gateway.pipeline;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A profile's default system prompt (seed 002: "included in all AI requests made through this
 * profile"), placed first when the request brings no system or developer message of its own.
 */
final class SystemPrompts {

    private SystemPrompts() {
    }

    static ObjectNode apply(ObjectNode chat, String prompt) {
        JsonNode messages = chat.get("messages");
        if (prompt == null || prompt.isBlank() || messages == null || !messages.isArray() || hasSystem(messages)) {
            return chat;
        }
        ObjectNode copy = chat.deepCopy();
        ArrayNode withPrompt = copy.putArray("messages");
        withPrompt.addObject().put("role", "system").put("content", prompt);
        messages.forEach(withPrompt::add);
        return copy;
    }

    private static boolean hasSystem(JsonNode messages) {
        for (JsonNode message : messages) {
            String role = message.path("role").asString("");
            if (role.equals("system") || role.equals("developer")) {
                return true;
            }
        }
        return false;
    }
}
