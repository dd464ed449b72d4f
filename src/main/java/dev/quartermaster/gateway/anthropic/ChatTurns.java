package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat request's {@code messages} as Anthropic's top-level {@code system} and its user/assistant
 * turns. System and developer messages, wherever they stand, go to {@code system}; a tool message is a
 * {@code tool_result} block of a user turn; each text part of a system message stays its own block; turns of the same role that follow one another are merged,
 * so consecutive tool results (and a user message after them) become one user message, as Anthropic
 * expects after an assistant turn with several {@code tool_use} blocks. Empty text is left out: Anthropic
 * refuses empty text blocks. Params name the client's fields, OpenAI style ({@code messages[2].content}).
 */
final class ChatTurns {

    private final List<String> system = new ArrayList<>();
    private final ArrayNode messages = Json.array();

    private ChatTurns() {
    }

    /** The turns of {@code messages}, which must be a non-empty array. */
    static ChatTurns of(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw new WireException("messages", "must be a non-empty array");
        }
        ChatTurns turns = new ChatTurns();
        for (int i = 0; i < messages.size(); i++) {
            turns.read(messages.get(i), "messages[" + i + "]");
        }
        if (turns.messages.isEmpty()) {
            throw new WireException("messages", "needs at least one user or assistant message");
        }
        return turns;
    }

    /** The {@code system} value: null when there is none, a string for one, text blocks for several. */
    JsonNode system() {
        if (system.isEmpty()) {
            return null;
        }
        if (system.size() == 1) {
            return Json.MAPPER.getNodeFactory().stringNode(system.getFirst());
        }
        ArrayNode blocks = Json.array();
        system.forEach(text -> blocks.addObject().put("type", "text").put("text", text));
        return blocks;
    }

    ArrayNode messages() {
        return messages;
    }

    private void read(JsonNode message, String param) {
        String role = message.path("role").asString("");
        switch (role) {
            case "system", "developer" -> ChatContent.texts(message.path("content"), param + ".content").stream()
                    .filter(text -> !text.isEmpty()).forEach(system::add);
            case "user" -> add("user", ChatContent.userBlocks(message.path("content"), param + ".content"));
            case "assistant" -> add("assistant", ChatContent.assistantBlocks(message, param));
            case "tool" -> add("user", List.of(ChatContent.toolResult(message, param)));
            default -> throw new WireException(param + ".role", "must be system, developer, user, assistant or tool");
        }
    }

    private void add(String role, List<ObjectNode> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        ArrayNode content;
        if (last != null && role.equals(last.path("role").asString())) {
            content = (ArrayNode) last.get("content");
        } else {
            ObjectNode turn = messages.addObject();
            turn.put("role", role);
            content = turn.putArray("content");
        }
        content.addAll(blocks);
    }
}
