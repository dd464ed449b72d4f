package dev.quartermaster.gateway.responses;

import dev.quartermaster.gateway.wire.Dialect;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.StreamEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's Responses API ({@code POST /v1/responses}) over the chat hub. Stateless and shared by
 * every call:
 * <ul>
 * <li>Quartermaster stores no responses, so {@code previous_response_id}, {@code conversation} and
 * stored {@code prompt}s are refused with a 400 naming the field (send the conversation in
 * {@code input}); {@code background: true} is refused too; {@code store} is accepted and ignored.
 * <li>Only function tools translate; hosted tools (web or file search, computer use, MCP, ...) and
 * content that lives in OpenAI's storage ({@code input_file}, images by {@code file_id}) are refused
 * naming the field. {@code reasoning} input items are dropped.
 * <li>The answer does not echo the request's settings ({@code tools}, {@code tool_choice},
 * {@code temperature}, {@code instructions}, ...): {@link #fromChat} sees only the completion, so
 * those fields carry the API's defaults. Usage is written as {@link ResponseObjects#usage} says.
 * <li>Streams always end with usage in {@code response.completed}; an error after the stream began is
 * {@code response.failed} (see {@link ResponsesStream#onError}).
 * </ul>
 */
public final class ResponsesDialect implements Dialect {

    @Override
    public ObjectNode toChat(JsonNode request) {
        return RequestReader.toChat(request);
    }

    @Override
    public JsonNode fromChat(ObjectNode completion) {
        String baseId = ResponseObjects.baseId(completion);
        JsonNode choice = completion.path("choices").path(0);
        String finishReason = choice.path("finish_reason").isString() ? choice.get("finish_reason").asString() : null;
        String status = ResponseObjects.status(finishReason);
        ObjectNode response = ResponseObjects.response(baseId, ResponseObjects.created(completion),
                completion.path("model").asString(""), status, output(choice.path("message"), baseId, status));
        ResponseObjects.finish(response, finishReason);
        if (completion.path("usage").isObject()) {
            response.set("usage", ResponseObjects.usage(completion.get("usage")));
        }
        return response;
    }

    /** The message item when there is text (or a refusal), then one function_call item per tool call. */
    private static ArrayNode output(JsonNode message, String baseId, String status) {
        JsonNode calls = message.path("tool_calls");
        String text = message.path("content").isString() ? message.get("content").asString() : null;
        String refusal = message.path("refusal").isString() ? message.get("refusal").asString() : null;
        ArrayNode output = Json.array();
        if (text != null && text.isEmpty() && !calls.isEmpty()) {
            text = null;
        }
        if (text != null || refusal != null) {
            output.add(ResponseObjects.message(baseId, text, refusal, status));
        }
        for (JsonNode call : calls) {
            JsonNode function = call.path("function");
            output.add(ResponseObjects.functionCall(call.path("id").asString(""), function.path("name").asString(""),
                    function.path("arguments").asString(""), status));
        }
        return output;
    }

    /** Usage always goes into {@code response.completed}, whatever the client asked: the API has no switch for it. */
    @Override
    public StreamEncoder encoder(boolean includeUsage) {
        return new ResponsesStream();
    }
}
