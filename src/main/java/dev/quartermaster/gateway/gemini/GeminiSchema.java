package dev.quartermaster.gateway.gemini;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool's JSON Schema as the OpenAPI 3.0 subset Gemini's {@code parameters} accepts. Gemini
 * answers 400 to a keyword it does not know, so only its own are kept ({@code $schema},
 * {@code additionalProperties}, {@code strict}, {@code const}... go); local {@code $ref}s into
 * {@code $defs}/{@code definitions} are inlined (to a bounded depth: a recursive schema is refused);
 * {@code oneOf} becomes {@code anyOf}; {@code type: [T, "null"]} becomes {@code type: T, nullable};
 * {@code enum} values are written as strings (Gemini's enum is a string list) and a {@code const}
 * becomes a one-value {@code enum}; {@code format} is kept only where Gemini
 * gives it a meaning (the Developer API refuses e.g. {@code uri}).
 */
final class GeminiSchema {

    private static final Set<String> COPIED = Set.of("title", "description", "nullable", "minItems", "maxItems",
            "required", "propertyOrdering", "minimum", "maximum", "minLength", "maxLength", "pattern", "default",
            "example", "minProperties", "maxProperties");
    private static final Set<String> FORMATS = Set.of("enum", "date-time", "float", "double", "int32", "int64");
    private static final int MAX_DEPTH = 16;

    private final JsonNode root;
    private final String param;

    private GeminiSchema(JsonNode root, String param) {
        this.root = root;
        this.param = param;
    }

    /** Gemini's form of {@code schema}; {@code param} names it in errors. */
    static ObjectNode of(JsonNode schema, String param) {
        if (!schema.isObject()) {
            throw new WireException(param, "must be a JSON Schema object");
        }
        return new GeminiSchema(schema, param).convert(schema, 0);
    }

    private ObjectNode convert(JsonNode schema, int depth) {
        if (depth > MAX_DEPTH) {
            throw new WireException(param, "is nested too deeply (or recursive) for Gemini");
        }
        if (schema.has("$ref")) {
            return convert(resolve(schema.get("$ref").asString("")), depth + 1);
        }
        ObjectNode out = Json.object();
        type(schema.get("type"), out);
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String key = field.getKey();
            if (COPIED.contains(key) || key.equals("format") && FORMATS.contains(field.getValue().asString(""))) {
                out.set(key, field.getValue());
            }
        }
        if (schema.path("enum").isArray()) {
            ArrayNode values = out.putArray("enum");
            schema.get("enum").forEach(value -> values.add(value.asString()));
        } else if (schema.path("const").isValueNode() && !schema.get("const").isNull()) {
            out.putArray("enum").add(schema.get("const").asString());
        }
        children(schema, out, depth);
        return out;
    }

    private void children(JsonNode schema, ObjectNode out, int depth) {
        if (schema.path("items").isObject()) {
            out.set("items", convert(schema.get("items"), depth + 1));
        }
        if (schema.path("properties").isObject()) {
            ObjectNode properties = out.putObject("properties");
            schema.get("properties").properties()
                    .forEach(property -> properties.set(property.getKey(), convert(property.getValue(), depth + 1)));
        }
        JsonNode anyOf = schema.path("anyOf").isArray() ? schema.get("anyOf") : schema.path("oneOf");
        if (anyOf.isArray()) {
            ArrayNode alternatives = out.putArray("anyOf");
            anyOf.forEach(alternative -> alternatives.add(convert(alternative, depth + 1)));
        }
        JsonNode allOf = schema.path("allOf");
        if (allOf.isArray() && allOf.size() == 1) {
            out.setAll(convert(allOf.get(0), depth + 1));
        }
    }

    /** {@code type} as Gemini takes it: one type name; a {@code "null"} among several makes it nullable. */
    private static void type(JsonNode type, ObjectNode out) {
        if (type == null) {
            return;
        }
        if (type.isString()) {
            out.put("type", type.stringValue());
            return;
        }
        for (JsonNode name : type) {
            if (name.asString("").equals("null")) {
                out.put("nullable", true);
            } else if (!out.has("type")) {
                out.put("type", name.asString(""));
            }
        }
    }

    private JsonNode resolve(String ref) {
        JsonNode target = null;
        for (String prefix : new String[] {"#/$defs/", "#/definitions/"}) {
            if (ref.startsWith(prefix)) {
                target = root.path(prefix.substring(2, prefix.length() - 1)).get(ref.substring(prefix.length()));
            }
        }
        if (target == null || !target.isObject()) {
            throw new WireException(param, "has a $ref Gemini cannot follow: " + ref);
        }
        return target;
    }
}
