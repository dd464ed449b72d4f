package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a chat request's {@code response_format} ({@code json_schema} or {@code json_object}) is asked of
 * Anthropic, which has no such field on every model: one tool whose input schema is the wanted schema,
 * forced with {@code tool_choice}. The model's input to that tool is the answer, so the answer and the
 * stream recognise the tool by its reserved name and give its input as the message content, with
 * finish reason {@code stop}. Combining it with the client's own tools would force away their choice,
 * so that is refused.
 */
final class JsonAnswerTool {

    static final String NAME = "quartermaster_json_answer";

    private JsonAnswerTool() {
    }

    static boolean is(JsonNode toolUse) {
        return NAME.equals(toolUse.path("name").asString(""));
    }

    /** Adds the tool and forces it when {@code response_format} asks for JSON; does nothing otherwise. */
    static void apply(JsonNode responseFormat, ObjectNode body) {
        String type = responseFormat.path("type").asString("text");
        if ("text".equals(type)) {
            return;
        }
        if (!"json_schema".equals(type) && !"json_object".equals(type)) {
            throw new WireException("response_format.type", "must be text, json_schema or json_object");
        }
        if (body.has("tools")) {
            throw new WireException("response_format", "cannot be combined with tools on an Anthropic model");
        }
        JsonNode spec = responseFormat.path("json_schema");
        JsonNode schema = spec.path("schema");
        ObjectNode tool = body.putArray("tools").addObject();
        tool.put("name", NAME);
        tool.put("description", "Give the answer as this tool's input. " + spec.path("description").asString(""));
        tool.set("input_schema", schema.isObject() ? schema : Json.object().put("type", "object"));
        body.putObject("tool_choice").put("type", "tool").put("name", NAME).put("disable_parallel_tool_use", true);
    }
}
