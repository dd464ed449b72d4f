package dev.quartermaster.gateway.responses;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A Responses request's settings read into a chat request; the conversation itself is {@link InputReader}'s. */
final class RequestReader {

    private RequestReader() {
    }

    static ObjectNode toChat(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new WireException(null, "the body must be a JSON object");
        }
        refuseStoredState(request);
        ObjectNode chat = Json.object();
        JsonNode model = request.get("model");
        if (model == null || !model.isString()) {
            throw new WireException("model", "is required");
        }
        chat.set("model", model);
        ArrayNode messages = chat.putArray("messages");
        if (present(request, "instructions")) {
            messages.addObject().put("role", "system").put("content", string(request, "instructions"));
        }
        InputReader.read(request.get("input"), messages);
        settings(request, chat);
        ToolReader.read(request, chat);
        return chat;
    }

    /** What the Responses API keeps on OpenAI's side has no counterpart here: we store nothing. */
    private static void refuseStoredState(JsonNode request) {
        if (present(request, "previous_response_id")) {
            throw new WireException("previous_response_id",
                    "Quartermaster does not store responses; send the conversation in input");
        }
        if (present(request, "conversation")) {
            throw new WireException("conversation",
                    "Quartermaster does not store conversations; send the conversation in input");
        }
        if (present(request, "prompt")) {
            throw new WireException("prompt", "stored prompts are not supported through the gateway; send instructions and input");
        }
        if (request.path("background").asBoolean(false)) {
            throw new WireException("background",
                    "background responses are not supported through the gateway; wait for the answer or stream it");
        }
    }

    private static void settings(JsonNode request, ObjectNode chat) {
        if (present(request, "max_output_tokens")) {
            JsonNode max = request.get("max_output_tokens");
            if (!max.isIntegralNumber()) {
                throw new WireException("max_output_tokens", "must be a whole number");
            }
            chat.set("max_tokens", max);
        }
        copyNumber(request, "temperature", chat);
        copyNumber(request, "top_p", chat);
        if (present(request, "parallel_tool_calls")) {
            chat.put("parallel_tool_calls", bool(request, "parallel_tool_calls"));
        }
        if (present(request, "user")) {
            chat.put("user", string(request, "user"));
        }
        if (present(request, "stream") && bool(request, "stream")) {
            chat.put("stream", true);
        }
        modelSettings(request, chat);
    }

    private static void modelSettings(JsonNode request, ObjectNode chat) {
        JsonNode effort = request.path("reasoning").path("effort");
        if (effort.isString()) {
            chat.put("reasoning_effort", effort.asString());
        }
        JsonNode format = request.path("text").path("format");
        if (format.isObject()) {
            responseFormat(format).ifPresent(f -> chat.set("response_format", f));
        }
    }

    private static Optional<ObjectNode> responseFormat(JsonNode format) {
        String type = format.path("type").asString("");
        switch (type) {
            case "text":
                return Optional.empty();
            case "json_object":
                return Optional.of(Json.object().put("type", "json_object"));
            case "json_schema":
                ObjectNode schema = Json.object();
                schema.put("name", string(format, "name", "text.format.name"));
                copyIfPresent(format, "description", schema);
                if (!format.path("schema").isObject()) {
                    throw new WireException("text.format.schema", "is required: a JSON schema object");
                }
                schema.set("schema", format.get("schema"));
                copyIfPresent(format, "strict", schema);
                ObjectNode result = Json.object().put("type", "json_schema");
                result.set("json_schema", schema);
                return Optional.of(result);
            default:
                throw new WireException("text.format.type", "must be text, json_object or json_schema");
        }
    }

    static boolean present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    static String string(JsonNode node, String field) {
        return string(node, field, field);
    }

    /** The string at {@code field}, required; {@code param} names it for the client. */
    static String string(JsonNode node, String field, String param) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new WireException(param, "is required: a string");
        }
        return value.asString();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw new WireException(field, "must be true or false");
        }
        return value.asBoolean();
    }

    private static void copyNumber(JsonNode request, String field, ObjectNode chat) {
        if (present(request, field)) {
            if (!request.get(field).isNumber()) {
                throw new WireException(field, "must be a number");
            }
            chat.set(field, request.get(field));
        }
    }

    static void copyIfPresent(JsonNode from, String field, ObjectNode to) {
        if (present(from, field)) {
            to.set(field, from.get(field));
        }
    }
}
