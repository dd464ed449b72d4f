package dev.quartermaster.gateway.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ToolChoiceOptions;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class ResponsesRequestTest {

    private final ResponsesDialect dialect = new ResponsesDialect();

    @Test
    void aToolConversationBuiltWithOpenAiJavaBecomesOneAssistantTurnAndToolMessages() throws Exception {
        FunctionTool weather = FunctionTool.builder().name("get_weather").description("Current weather in a city")
                .parameters(FunctionTool.Parameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .build())
                .strict(true).build();
        ResponseCreateParams params = ResponseCreateParams.builder().model("gpt-4.1").instructions("You are terse.")
                .inputOfResponse(List.of(
                        ResponseInputItem.ofEasyInputMessage(EasyInputMessage.builder()
                                .role(EasyInputMessage.Role.USER).content("Weather in Paris and Rome?").build()),
                        ResponseInputItem.ofFunctionCall(call("call_1", "{\"city\":\"Paris\"}")),
                        ResponseInputItem.ofFunctionCall(call("call_2", "{\"city\":\"Rome\"}")),
                        ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                                .callId("call_1").output("18C, cloudy").build()),
                        ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                                .callId("call_2").output("24C, sunny").build())))
                .addTool(weather).toolChoice(ToolChoiceOptions.AUTO).maxOutputTokens(256L).temperature(0.2).store(false)
                .build();
        JsonNode body = Json.parse(ObjectMappers.jsonMapper().writeValueAsString(params._body()), "body");

        assertJson(dialect.toChat(body), """
                {"model": "gpt-4.1",
                 "messages": [
                   {"role": "system", "content": "You are terse."},
                   {"role": "user", "content": "Weather in Paris and Rome?"},
                   {"role": "assistant", "content": null, "tool_calls": [
                     {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}},
                     {"id": "call_2", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Rome\\"}"}}]},
                   {"role": "tool", "tool_call_id": "call_1", "content": "18C, cloudy"},
                   {"role": "tool", "tool_call_id": "call_2", "content": "24C, sunny"}],
                 "max_tokens": 256,
                 "temperature": 0.2,
                 "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Current weather in a city",
                   "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}, "strict": true}}],
                 "tool_choice": "auto"}
                """);
    }

    @Test
    void partsImagesReasoningAndSettingsTranslate() {
        JsonNode request = Json.parse("""
                {"model": "gpt-5-mini", "stream": true, "store": true, "parallel_tool_calls": false, "top_p": 0.9,
                 "user": "user-42", "reasoning": {"effort": "low", "summary": "auto"},
                 "text": {"format": {"type": "json_schema", "name": "answer", "strict": true,
                          "schema": {"type": "object", "properties": {"a": {"type": "string"}}}}},
                 "tool_choice": {"type": "function", "name": "lookup"},
                 "input": [
                   {"role": "developer", "content": "Answer in JSON."},
                   {"type": "message", "role": "user", "content": [
                     {"type": "input_text", "text": "What is in this picture?"},
                     {"type": "input_image", "image_url": "data:image/png;base64,iVBORw0KGgo=", "detail": "low"},
                     {"type": "input_image", "image_url": "https://example.com/cat.jpg", "detail": "auto"}]},
                   {"type": "reasoning", "id": "rs_1", "summary": []},
                   {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                    "content": [{"type": "output_text", "text": "Let me look it up.", "annotations": []}]},
                   {"type": "function_call", "id": "fc_1", "call_id": "call_9", "name": "lookup", "arguments": "{}"},
                   {"type": "function_call_output", "call_id": "call_9",
                    "output": [{"type": "input_text", "text": "a cat"}]}]}
                """, "body");

        assertJson(dialect.toChat(request), """
                {"model": "gpt-5-mini",
                 "messages": [
                   {"role": "system", "content": "Answer in JSON."},
                   {"role": "user", "content": [
                     {"type": "text", "text": "What is in this picture?"},
                     {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo=", "detail": "low"}},
                     {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg", "detail": "auto"}}]},
                   {"role": "assistant", "content": [{"type": "text", "text": "Let me look it up."}],
                    "tool_calls": [{"id": "call_9", "type": "function", "function": {"name": "lookup", "arguments": "{}"}}]},
                   {"role": "tool", "tool_call_id": "call_9", "content": [{"type": "text", "text": "a cat"}]}],
                 "top_p": 0.9, "parallel_tool_calls": false, "user": "user-42", "stream": true,
                 "reasoning_effort": "low",
                 "response_format": {"type": "json_schema", "json_schema": {"name": "answer",
                   "schema": {"type": "object", "properties": {"a": {"type": "string"}}}, "strict": true}},
                 "tool_choice": {"type": "function", "function": {"name": "lookup"}}}
                """);
    }

    @Test
    void aStringInputIsOneUserMessageAndJsonObjectFormatPassesThrough() {
        JsonNode request = Json.parse("""
                {"model": "gpt-4o", "input": "Say hi", "stream": false, "text": {"format": {"type": "json_object"}},
                 "tool_choice": "required"}
                """, "body");

        assertJson(dialect.toChat(request), """
                {"model": "gpt-4o", "messages": [{"role": "user", "content": "Say hi"}],
                 "response_format": {"type": "json_object"}, "tool_choice": "required"}
                """);
    }

    @Test
    void anAssistantTextThatIsNotRightBeforeTheCallsStaysItsOwnMessage() {
        JsonNode request = Json.parse("""
                {"model": "m", "input": [
                  {"role": "assistant", "content": "Earlier answer."},
                  {"role": "user", "content": "Now call it."},
                  {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}"}]}
                """, "body");

        assertJson(dialect.toChat(request).get("messages"), """
                [{"role": "assistant", "content": "Earlier answer."},
                 {"role": "user", "content": "Now call it."},
                 {"role": "assistant", "content": null,
                  "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]}]
                """);
    }

    @Test
    void previousResponseIdIsRefusedBecauseNothingIsStored() {
        WireException refused = refusal("""
                {"model": "gpt-4o", "input": "and then?", "previous_response_id": "resp_123"}
                """);

        assertThat(refused.param()).isEqualTo("previous_response_id");
        assertThat(refused.getMessage()).isEqualTo("Quartermaster does not store responses; send the conversation in input");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a hosted tool                | {"model": "m", "input": "x", "tools": [{"type": "function", "name": "f"}, {"type": "web_search"}]} | tools[1].type | 'web_search' tools are not supported through the gateway; only function tools are
            a call without call_id       | {"model": "m", "input": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}, {"type": "function_call", "name": "f", "arguments": "{}"}]} | input[3].call_id | is required: a string
            an output without call_id    | {"model": "m", "input": [{"type": "function_call_output", "output": "x"}]} | input[0].call_id | is required: a string
            an unknown item type         | {"model": "m", "input": [{"role": "user", "content": "a"}, {"type": "item_reference", "id": "msg_1"}]} | input[1].type | 'item_reference' items are not supported through the gateway
            a file part                  | {"model": "m", "input": [{"role": "user", "content": [{"type": "input_text", "text": "a"}, {"type": "input_file", "file_id": "file-1"}]}]} | input[0].content[1].type | 'input_file' content is not supported through the gateway
            an image by file id          | {"model": "m", "input": [{"role": "user", "content": [{"type": "input_image", "file_id": "file-1", "detail": "auto"}]}]} | input[0].content[0].image_url | is required: images by file_id are not supported through the gateway; send a data or https URL
            an image over plain http     | {"model": "m", "input": [{"role": "user", "content": [{"type": "input_image", "image_url": "http://x/y.png"}]}]} | input[0].content[0].image_url | must be a data: URL or an https URL
            an image from the assistant  | {"model": "m", "input": [{"role": "assistant", "content": [{"type": "input_image", "image_url": "https://x/y.png"}]}]} | input[0].content[0].type | images are accepted only in user messages
            an unknown role              | {"model": "m", "input": [{"role": "tool", "content": "a"}]} | input[0].role | must be user, assistant, system or developer
            input as a number            | {"model": "m", "input": 42} | input | is required: a string or a non-empty array of input items
            no input                     | {"model": "m"} | input | is required: a string or a non-empty array of input items
            no model                     | {"input": "x"} | model | is required
            a background response        | {"model": "m", "input": "x", "background": true} | background | background responses are not supported through the gateway; wait for the answer or stream it
            a stored conversation        | {"model": "m", "input": "x", "conversation": "conv_1"} | conversation | Quartermaster does not store conversations; send the conversation in input
            a hosted tool choice         | {"model": "m", "input": "x", "tool_choice": {"type": "file_search"}} | tool_choice | only auto, none, required or {"type": "function", "name": ...} are supported through the gateway
            an unknown text format       | {"model": "m", "input": "x", "text": {"format": {"type": "grammar"}}} | text.format.type | must be text, json_object or json_schema
            a schema without a name      | {"model": "m", "input": "x", "text": {"format": {"type": "json_schema", "schema": {}}}} | text.format.name | is required: a string
            """)
    void untranslatableRequestsAreRefusedNamingTheField(String what, String body, String param, String message) {
        WireException refused = refusal(body);

        assertThat(refused.param()).isEqualTo(param);
        assertThat(refused.getMessage()).isEqualTo(message);
    }

    @Test
    void storeAndAPlainTextFormatAreAcceptedAndLeaveNoTrace() {
        JsonNode request = Json.parse("""
                {"model": "m", "input": "x", "store": true, "background": false, "previous_response_id": null,
                 "text": {"format": {"type": "text"}}, "include": ["reasoning.encrypted_content"], "truncation": "disabled"}
                """, "body");

        assertJson(dialect.toChat(request), """
                {"model": "m", "messages": [{"role": "user", "content": "x"}]}
                """);
    }

    private static ResponseFunctionToolCall call(String callId, String arguments) {
        return ResponseFunctionToolCall.builder().id("fc_" + callId).callId(callId).name("get_weather").arguments(arguments)
                .status(ResponseFunctionToolCall.Status.COMPLETED).build();
    }

    private WireException refusal(String body) {
        return catchThrowableOfType(WireException.class, () -> dialect.toChat(Json.parse(body, "body")));
    }

    /** Exact JSON equality, numbers compared by value whatever node type built them. */
    static void assertJson(JsonNode actual, String expected) {
        assertThat(Json.parse(Json.write(actual), "actual")).isEqualTo(Json.parse(expected, "expected"));
    }
}
