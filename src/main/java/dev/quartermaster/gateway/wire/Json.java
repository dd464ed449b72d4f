package dev.quartermaster.gateway.wire;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the gateway's wire formats, and small readers used by every translation. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses text; a malformed body is a {@link WireException} on {@code param}. */
    public static JsonNode parse(String text, String param) {
        try {
            return MAPPER.readTree(text);
        } catch (RuntimeException e) {
            throw new WireException(param, "is not valid JSON");
        }
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** A whole number at {@code field}, or null when it is absent or not a number. */
    public static Long count(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isIntegralNumber() ? value.longValue() : null;
    }
}
