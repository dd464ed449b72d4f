package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client's Messages request as a hub chat request, validated as Anthropic validates it. Params use
 * Anthropic's own dotted form ({@code messages.1.content.0.type}), the form its clients see in its
 * errors. {@code top_k}, {@code thinking}, {@code cache_control} and other fields the hub has no
 * place for are dropped; server tools, which only Anthropic can run, are refused.
 */
final class MessagesToChat {

    private MessagesToChat() {
    }

    static ObjectNode chat(JsonNode request) {
        if (!request.isObject()) {
            throw new WireException(null, "the request body must be a JSON object");
        }
        ObjectNode chat = Json.object();
        chat.put("model", requiredString(request, "model", "model"));
        ArrayNode messages = chat.putArray("messages");
        system(request.path("system"), messages);
        MessagesTurns.read(request.path("messages"), messages);
        chat.put("max_tokens", maxTokens(request.path("max_tokens")));
        copyNumber(request, chat, "temperature");
        copyNumber(request, chat, "top_p");
        stopSequences(request.path("stop_sequences"), chat);
        JsonNode user = request.path("metadata").path("user_id");
        if (user.isString()) {
            chat.put("user", user.asString());
        }
        MessagesTools.read(request, chat);
        if (request.path("stream").asBoolean(false)) {
            chat.put("stream", true);
        }
        return chat;
    }

    /** {@code system} as the first chat message: a string, or text blocks kept as text parts. */
    private static void system(JsonNode system, ArrayNode messages) {
        if (system.isMissingNode() || system.isNull()) {
            return;
        }
        if (system.isString()) {
            if (!system.asString().isEmpty()) {
                messages.addObject().put("role", "system").put("content", system.asString());
            }
            return;
        }
        if (!system.isArray()) {
            throw new WireException("system", "must be a string or an array of text blocks");
        }
        ArrayNode parts = Json.array();
        for (int i = 0; i < system.size(); i++) {
            JsonNode block = system.get(i);
            if (!"text".equals(block.path("type").asString("")) || !block.path("text").isString()) {
                throw new WireException("system." + i, "must be a text block");
            }
            parts.addObject().put("type", "text").put("text", block.get("text").asString());
        }
        if (!parts.isEmpty()) {
            messages.addObject().put("role", "system").set("content", parts);
        }
    }

    private static long maxTokens(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            throw new WireException("max_tokens", "Field required");
        }
        if (!value.isIntegralNumber() || value.longValue() < 1) {
            throw new WireException("max_tokens", "must be a positive integer");
        }
        return value.longValue();
    }

    private static void stopSequences(JsonNode stop, ObjectNode chat) {
        if (stop.isMissingNode() || stop.isNull()) {
            return;
        }
        if (!stop.isArray()) {
            throw new WireException("stop_sequences", "must be an array of strings");
        }
        for (int i = 0; i < stop.size(); i++) {
            if (!stop.get(i).isString()) {
                throw new WireException("stop_sequences." + i, "must be a string");
            }
        }
        if (!stop.isEmpty()) {
            chat.set("stop", stop);
        }
    }

    private static void copyNumber(JsonNode request, ObjectNode chat, String field) {
        JsonNode value = request.path(field);
        if (value.isNumber()) {
            chat.set(field, value);
        } else if (!value.isMissingNode() && !value.isNull()) {
            throw new WireException(field, "must be a number");
        }
    }

    /** The non-empty string at {@code field}; {@code param} names it for the client. */
    static String requiredString(JsonNode node, String field, String param) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isEmpty()) {
            throw new WireException(param, "Field required");
        }
        return value.asString();
    }
}
