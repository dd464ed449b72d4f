package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client's Messages request read into the chat hub. Fields are named as the client wrote them,
 * dotted ({@code messages.1.content.0.type}), as Anthropic's own errors name them. A user turn's
 * {@code tool_result} blocks become {@code tool} messages placed before the rest of that turn;
 * {@code thinking} blocks and {@code top_k} are dropped (the hub has no place for them).
 */
final class MessagesRequests {

    private MessagesRequests() {
    }

    static ObjectNode toChat(JsonNode request) {
        JsonNode maxTokens = request.get("max_tokens");
        if (maxTokens == null || !maxTokens.isIntegralNumber() || maxTokens.longValue() < 1) {
            throw new WireException("max_tokens", "is required: a positive whole number");
        }
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new WireException("messages", "is required: a non-empty array of turns");
        }
        ObjectNode chat = Json.object();
        if (request.path("model").isString()) {
            chat.put("model", request.get("model").stringValue());
        }
        ArrayNode out = chat.putArray("messages");
        String system = system(request.get("system"));
        if (!system.isEmpty()) {
            out.addObject().put("role", "system").put("content", system);
        }
        for (int i = 0; i < messages.size(); i++) {
            turn(messages.get(i), "messages." + i, out);
        }
        chat.put("max_tokens", maxTokens.longValue());
        MessagesTools.translate(request, chat);
        settings(request, chat);
        return chat;
    }

    private static void settings(JsonNode request, ObjectNode chat) {
        for (String field : new String[] {"temperature", "top_p"}) {
            if (request.path(field).isNumber()) {
                chat.set(field, request.get(field));
            }
        }
        if (request.path("stop_sequences").isArray()) {
            chat.set("stop", request.get("stop_sequences"));
        }
        if (request.path("metadata").path("user_id").isString()) {
            chat.put("user", request.get("metadata").get("user_id").stringValue());
        }
        JsonNode stream = request.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw new WireException("stream", "must be true or false");
        }
        if (stream != null && stream.asBoolean(false)) {
            chat.put("stream", true);
        }
    }

    private static String system(JsonNode system) {
        if (system == null || system.isNull()) {
            return "";
        }
        if (system.isString()) {
            return system.stringValue();
        }
        if (!system.isArray()) {
            throw new WireException("system", "must be a string or an array of text blocks");
        }
        StringBuilder text = new StringBuilder();
        system.forEach(block -> text.append(text.isEmpty() ? "" : "\n\n").append(block.path("text").asString("")));
        return text.toString();
    }

    private static void turn(JsonNode turn, String param, ArrayNode out) {
        String role = turn.path("role").asString("");
        if (!role.equals("user") && !role.equals("assistant")) {
            throw new WireException(param + ".role", "must be user or assistant");
        }
        JsonNode content = turn.get("content");
        if (content != null && content.isString()) {
            out.addObject().put("role", role).put("content", content.stringValue());
            return;
        }
        if (content == null || !content.isArray()) {
            throw new WireException(param + ".content", "must be a string or an array of blocks");
        }
        if (role.equals("user")) {
            user(content, param + ".content", out);
        } else {
            assistant(content, param + ".content", out);
        }
    }

    private static void user(JsonNode blocks, String param, ArrayNode out) {
        ArrayNode parts = Json.array();
        for (int j = 0; j < blocks.size(); j++) {
            JsonNode block = blocks.get(j);
            String at = param + "." + j;
            switch (block.path("type").asString("")) {
                case "text" -> parts.addObject().put("type", "text").put("text", block.path("text").asString(""));
                case "image" -> parts.add(Images.toPart(block, at));
                case "tool_result" -> out.add(toolMessage(block, at));
                default -> throw new WireException(at + ".type", "is not a block the gateway translates (text, image, tool_result)");
            }
        }
        if (!parts.isEmpty()) {
            ObjectNode message = out.addObject().put("role", "user");
            message.set("content", parts);
        }
    }

    private static ObjectNode toolMessage(JsonNode block, String param) {
        if (!block.path("tool_use_id").isString()) {
            throw new WireException(param + ".tool_use_id", "is required");
        }
        JsonNode content = block.get("content");
        String text = content == null ? "" : content.isString() ? content.stringValue() : AnthropicRequests.text(content);
        if (block.path("is_error").asBoolean(false)) {
            text = "Error: " + text;
        }
        return Json.object().put("role", "tool").put("tool_call_id", block.get("tool_use_id").stringValue()).put("content", text);
    }

    private static void assistant(JsonNode blocks, String param, ArrayNode out) {
        StringBuilder text = new StringBuilder();
        ArrayNode calls = Json.array();
        for (int j = 0; j < blocks.size(); j++) {
            JsonNode block = blocks.get(j);
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "tool_use" -> {
                    ObjectNode call = calls.addObject().put("id", block.path("id").asString("")).put("type", "function");
                    call.putObject("function").put("name", block.path("name").asString(""))
                            .put("arguments", Json.write(block.path("input").isObject() ? block.get("input") : Json.object()));
                }
                case "thinking", "redacted_thinking" -> { }
                default -> throw new WireException(param + "." + j + ".type", "is not a block the gateway translates");
            }
        }
        ObjectNode message = out.addObject().put("role", "assistant");
        if (text.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        if (!calls.isEmpty()) {
            message.set("tool_calls", calls);
        }
    }
}
