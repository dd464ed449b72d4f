package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Dialect;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.StreamEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API as clients speak it to {@code POST /v1/messages}, when the model is
 * served by another protocol (a model on Anthropic itself is relayed as it is). Usage always goes
 * with the answer, as Anthropic always sends it.
 */
public final class MessagesDialect implements Dialect {

    @Override
    public ObjectNode toChat(JsonNode request) {
        return MessagesRequests.toChat(request);
    }

    @Override
    public JsonNode fromChat(ObjectNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        ObjectNode answer = Json.object().put("id", completion.path("id").asString("")).put("type", "message")
                .put("role", "assistant").put("model", completion.path("model").asString(""));
        ArrayNode content = answer.putArray("content");
        String text = message.path("content").asString("");
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            ObjectNode use = content.addObject().put("type", "tool_use").put("id", call.path("id").asString(""))
                    .put("name", call.path("function").path("name").asString(""));
            use.set("input", input(call.path("function").path("arguments").asString("")));
        }
        answer.put("stop_reason", StopReasons.toStop(choice.path("finish_reason").asString(null)));
        answer.putNull("stop_sequence");
        answer.set("usage", AnthropicUsage.anthropic(completion.get("usage")));
        return answer;
    }

    /** Tool arguments as the object Anthropic clients expect; arguments that are not one become {@code {}}. */
    static JsonNode input(String arguments) {
        try {
            JsonNode parsed = Json.MAPPER.readTree(arguments.isBlank() ? "{}" : arguments);
            return parsed.isObject() ? parsed : Json.object();
        } catch (RuntimeException e) {
            return Json.object();
        }
    }

    @Override
    public StreamEncoder encoder(boolean includeUsage) {
        return new MessagesStreamEncoder();
    }
}
