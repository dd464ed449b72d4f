package dev.quartermaster.gateway.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GeminiSchemaTest {

    static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void refsAreInlinedAndJsonSchemaOnlyKeywordsDropped() {
        JsonNode schema = json("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "additionalProperties": false,
                 "$defs": {"Point": {"type": "object", "properties": {"x": {"type": "number", "format": "double"}}, "required": ["x"]}},
                 "properties": {
                   "at": {"$ref": "#/$defs/Point"},
                   "shape": {"oneOf": [{"type": "string", "const": "circle"}, {"type": "integer", "enum": [3, 4]}]},
                   "tags": {"type": "array", "items": {"type": "string", "format": "email", "minLength": 1}, "uniqueItems": true},
                   "when": {"type": "string", "format": "date-time"}}}
                """);

        assertThat(GeminiSchema.of(schema, "tools[0].function.parameters")).isEqualTo(json("""
                {"type": "object", "properties": {
                   "at": {"type": "object", "properties": {"x": {"type": "number", "format": "double"}}, "required": ["x"]},
                   "shape": {"anyOf": [{"type": "string", "enum": ["circle"]}, {"type": "integer", "enum": ["3", "4"]}]},
                   "tags": {"type": "array", "items": {"type": "string", "minLength": 1}},
                   "when": {"type": "string", "format": "date-time"}}}
                """));
    }

    @Test
    void aPropertyNamedLikeAKeywordIsKept() {
        JsonNode schema = json("""
                {"type": "object", "properties": {"additionalProperties": {"type": "boolean"}, "$schema": {"type": "string"}}}
                """);

        assertThat(GeminiSchema.of(schema, "p").get("properties").propertyNames()).containsExactly("additionalProperties", "$schema");
    }

    @Test
    void aRecursiveSchemaIsRefusedOnItsField() {
        JsonNode schema = json("""
                {"type": "object", "properties": {"child": {"$ref": "#"}}, "$defs": {}}
                """);
        JsonNode looping = json("""
                {"$defs": {"Node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/Node"}}}}, "$ref": "#/$defs/Node"}
                """);

        assertThatThrownBy(() -> GeminiSchema.of(schema, "tools[1].function.parameters")).isInstanceOfSatisfying(
                WireException.class, e -> assertThat(e.param()).isEqualTo("tools[1].function.parameters"));
        assertThatThrownBy(() -> GeminiSchema.of(looping, "tools[1].function.parameters")).isInstanceOfSatisfying(
                WireException.class, e -> assertThat(e.param()).isEqualTo("tools[1].function.parameters"));
    }
}
