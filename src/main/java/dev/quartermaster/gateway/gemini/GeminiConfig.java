package dev.quartermaster.gateway.gemini;

import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sampling fields of a chat request as Gemini's {@code generationConfig}. A JSON schema
 * response format goes in {@code responseJsonSchema}, which takes JSON Schema as it is (unlike
 * {@code responseSchema}, the OpenAPI subset), so a strict OpenAI schema needs no rewriting.
 */
final class GeminiConfig {

    private GeminiConfig() {
    }

    static void write(JsonNode chat, ObjectNode body) {
        ObjectNode config = body.objectNode();
        copyNumber(chat, "temperature", config, "temperature");
        copyNumber(chat, "top_p", config, "topP");
        copyNumber(chat, "presence_penalty", config, "presencePenalty");
        copyNumber(chat, "frequency_penalty", config, "frequencyPenalty");
        copyNumber(chat, "seed", config, "seed");
        copyNumber(chat, "n", config, "candidateCount");
        copyNumber(chat, chat.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens", config, "maxOutputTokens");
        stop(chat.get("stop"), config);
        responseFormat(chat.get("response_format"), config);
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
    }

    private static void copyNumber(JsonNode chat, String field, ObjectNode config, String name) {
        JsonNode value = chat.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isNumber()) {
            throw new WireException(field, "must be a number");
        }
        config.set(name, value);
    }

    private static void stop(JsonNode stop, ObjectNode config) {
        if (stop == null || stop.isNull()) {
            return;
        }
        if (stop.isString()) {
            config.putArray("stopSequences").add(stop.stringValue());
        } else if (stop.isArray() && !stop.isEmpty()) {
            ArrayNode sequences = config.putArray("stopSequences");
            stop.forEach(sequence -> sequences.add(sequence.asString()));
        } else if (!stop.isArray()) {
            throw new WireException("stop", "must be a string or an array of strings");
        }
    }

    private static void responseFormat(JsonNode format, ObjectNode config) {
        if (format == null || format.isNull()) {
            return;
        }
        switch (format.path("type").asString("")) {
            case "text" -> { }
            case "json_object" -> config.put("responseMimeType", "application/json");
            case "json_schema" -> {
                JsonNode schema = format.path("json_schema").get("schema");
                if (schema == null || !schema.isObject()) {
                    throw new WireException("response_format.json_schema.schema", "is required");
                }
                config.put("responseMimeType", "application/json").set("responseJsonSchema", schema);
            }
            default -> throw new WireException("response_format.type", "must be text, json_object or json_schema");
        }
    }
}
