package dev.quartermaster.gateway.gemini;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI embeddings over Gemini's {@code batchEmbedContents}: one Gemini request per input string,
 * answered in order. Gemini embeds text, not token arrays, and reports no usage for embeddings, so
 * the answer carries no {@code usage}: a count not reported is not 0, and a made-up 0 would meter
 * the call as free. (OpenAI's SDKs expect {@code usage}; filling it for the client is the caller's
 * choice, made after metering.)
 */
final class GeminiEmbeddings {

    private GeminiEmbeddings() {
    }

    /** The {@code batchEmbedContents} body for an OpenAI embeddings request on {@code model}. */
    static ObjectNode body(JsonNode request, String model) {
        JsonNode dimensions = request.get("dimensions");
        if (dimensions != null && !dimensions.isNull() && !dimensions.isIntegralNumber()) {
            throw new WireException("dimensions", "must be a whole number");
        }
        ObjectNode body = Json.object();
        ArrayNode requests = body.putArray("requests");
        for (String text : inputs(request.get("input"))) {
            ObjectNode one = requests.addObject().put("model", "models/" + model);
            one.putObject("content").putArray("parts").addObject().put("text", text);
            if (dimensions != null && dimensions.isIntegralNumber()) {
                one.put("outputDimensionality", dimensions.intValue());
            }
        }
        return body;
    }

    private static List<String> inputs(JsonNode input) {
        if (input != null && input.isString()) {
            return List.of(input.stringValue());
        }
        if (input == null || !input.isArray() || input.isEmpty()) {
            throw new WireException("input", "must be a string or a non-empty array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : input) {
            if (!item.isString()) {
                throw new WireException("input", "Gemini embeds text only, not token arrays");
            }
            texts.add(item.stringValue());
        }
        return texts;
    }

    /**
     * OpenAI's list for Gemini's {@code {embeddings: [{values}]}}. {@code model} is the name to
     * report (Gemini echoes none; left out when null); {@code base64} asks for OpenAI's base64 form:
     * the vector's float32 values, little-endian, base64-encoded.
     */
    static ObjectNode answer(JsonNode answer, String model, boolean base64) {
        ObjectNode list = Json.object().put("object", "list");
        ArrayNode data = list.putArray("data");
        JsonNode embeddings = answer.path("embeddings");
        for (int i = 0; i < embeddings.size(); i++) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            JsonNode values = embeddings.get(i).path("values");
            if (base64) {
                item.put("embedding", base64(values));
            } else {
                item.set("embedding", values);
            }
        }
        if (model != null) {
            list.put("model", model);
        }
        return list;
    }

    private static String base64(JsonNode values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(value -> bytes.putFloat(value.floatValue()));
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
