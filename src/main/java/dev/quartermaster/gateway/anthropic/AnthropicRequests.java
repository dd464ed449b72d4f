package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat request as an Anthropic Messages request. System and developer messages become the
 * top-level {@code system}; consecutive {@code tool} messages one user turn of {@code tool_result}
 * blocks; assistant tool calls {@code tool_use} blocks; turns of one role in a row are merged, as
 * Anthropic wants them alternating. {@code max_tokens} is always sent (Anthropic requires it).
 */
final class AnthropicRequests {

    private AnthropicRequests() {
    }

    static ObjectNode body(ObjectNode chat, String model) {
        if (chat.path("n").asInt(1) > 1) {
            throw new WireException("n", "must be 1: Anthropic models give one answer per request");
        }
        ObjectNode body = Json.object().put("model", model);
        body.put("max_tokens", maxTokens(chat));
        String system = system(chat.path("messages"));
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        body.set("messages", messages(chat.path("messages")));
        AnthropicTools.translate(chat, body);
        copyNumber(chat, body, "temperature");
        copyNumber(chat, body, "top_p");
        JsonNode stop = chat.get("stop");
        if (stop != null && stop.isString()) {
            body.putArray("stop_sequences").add(stop.stringValue());
        } else if (stop != null && stop.isArray()) {
            body.set("stop_sequences", stop);
        }
        if (chat.path("user").isString()) {
            body.putObject("metadata").put("user_id", chat.get("user").stringValue());
        }
        if (chat.path("stream").asBoolean(false)) {
            body.put("stream", true);
        }
        return body;
    }

    private static long maxTokens(ObjectNode chat) {
        JsonNode given = chat.hasNonNull("max_completion_tokens") ? chat.get("max_completion_tokens") : chat.get("max_tokens");
        if (given == null || given.isNull()) {
            return AnthropicUpstream.DEFAULT_MAX_TOKENS;
        }
        if (!given.isIntegralNumber() || given.longValue() < 1) {
            throw new WireException(chat.hasNonNull("max_completion_tokens") ? "max_completion_tokens" : "max_tokens",
                    "must be a positive whole number");
        }
        return given.longValue();
    }

    private static String system(JsonNode messages) {
        StringBuilder system = new StringBuilder();
        for (JsonNode message : messages) {
            String role = message.path("role").asString("");
            if (role.equals("system") || role.equals("developer")) {
                if (!system.isEmpty()) {
                    system.append("\n\n");
                }
                system.append(text(message.get("content")));
            }
        }
        return system.toString();
    }

    private static ArrayNode messages(JsonNode messages) {
        ArrayNode turns = Json.array();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String param = "messages[" + i + "]";
            switch (message.path("role").asString("")) {
                case "system", "developer" -> { }
                case "user" -> append(turns, "user", userBlocks(message.get("content"), param + ".content"));
                case "assistant" -> append(turns, "assistant", assistantBlocks(message, param));
                case "tool" -> append(turns, "user", Json.array().add(toolResult(message, param)));
                default -> throw new WireException(param + ".role", "must be system, developer, user, assistant or tool");
            }
        }
        return turns;
    }

    /** Adds blocks as a turn, or to the last turn when it has the same role. */
    private static void append(ArrayNode turns, String role, ArrayNode blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        JsonNode last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && last.path("role").asString("").equals(role)) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        ObjectNode turn = turns.addObject().put("role", role);
        turn.set("content", blocks);
    }

    private static ArrayNode userBlocks(JsonNode content, String param) {
        ArrayNode blocks = Json.array();
        if (content == null || content.isNull()) {
            return blocks;
        }
        if (content.isString()) {
            blocks.addObject().put("type", "text").put("text", content.stringValue());
            return blocks;
        }
        if (!content.isArray()) {
            throw new WireException(param, "must be a string or an array of parts");
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            switch (part.path("type").asString("")) {
                case "text" -> blocks.addObject().put("type", "text").put("text", part.path("text").asString(""));
                case "image_url" -> blocks.add(Images.toBlock(part, param + "[" + j + "].image_url.url"));
                default -> throw new WireException(param + "[" + j + "].type", "is not a part Anthropic models take (text, image_url)");
            }
        }
        return blocks;
    }

    private static ArrayNode assistantBlocks(JsonNode message, String param) {
        ArrayNode blocks = Json.array();
        String text = text(message.get("content"));
        if (!text.isEmpty()) {
            blocks.addObject().put("type", "text").put("text", text);
        }
        JsonNode calls = message.path("tool_calls");
        for (int j = 0; j < calls.size(); j++) {
            JsonNode call = calls.get(j);
            String arguments = call.path("function").path("arguments").asString("");
            JsonNode input;
            try {
                input = arguments.isBlank() ? Json.object() : Json.MAPPER.readTree(arguments);
            } catch (RuntimeException e) {
                input = null;
            }
            if (input == null || !input.isObject()) {
                throw new WireException(param + ".tool_calls[" + j + "].function.arguments", "must be a JSON object");
            }
            ObjectNode use = blocks.addObject().put("type", "tool_use").put("id", call.path("id").asString(""))
                    .put("name", call.path("function").path("name").asString(""));
            use.set("input", input);
        }
        return blocks;
    }

    private static ObjectNode toolResult(JsonNode message, String param) {
        if (!message.path("tool_call_id").isString()) {
            throw new WireException(param + ".tool_call_id", "is required on a tool message");
        }
        return Json.object().put("type", "tool_result").put("tool_use_id", message.get("tool_call_id").stringValue())
                .put("content", text(message.get("content")));
    }

    /** The text of a message's content: a string, or its text parts joined. */
    static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("type").asString("text").equals("text")) {
                text.append(part.path("text").asString(""));
            }
        }
        return text.toString();
    }

    private static void copyNumber(JsonNode from, ObjectNode to, String field) {
        if (from.path(field).isNumber()) {
            to.set(field, from.get(field));
        }
    }
}
