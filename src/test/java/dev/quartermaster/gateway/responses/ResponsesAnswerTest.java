package dev.quartermaster.gateway.responses;

import static dev.quartermaster.gateway.responses.ResponsesRequestTest.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.ObjectMappers;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseStatus;
import dev.quartermaster.gateway.wire.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ResponsesAnswerTest {

    private final ResponsesDialect dialect = new ResponsesDialect();

    @Test
    void aTextAnswerIsOneMessageItemWithUsage() throws Exception {
        JsonNode answer = dialect.fromChat(completion("""
                {"id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "object": "chat.completion", "created": 1741569952,
                 "model": "gpt-4.1-2025-04-14",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello! How can I help?", "refusal": null,
                   "annotations": []}, "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 19, "completion_tokens": 10, "total_tokens": 29,
                   "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                   "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0}},
                 "service_tier": "default"}
                """));

        assertJson(answer, """
                {"id": "resp_chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "object": "response", "created_at": 1741569952,
                 "status": "completed", "error": null, "incomplete_details": null, "instructions": null,
                 "max_output_tokens": null, "model": "gpt-4.1-2025-04-14",
                 "output": [{"type": "message", "id": "msg_chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "status": "completed",
                   "role": "assistant", "content": [{"type": "output_text", "text": "Hello! How can I help?", "annotations": []}]}],
                 "parallel_tool_calls": true, "previous_response_id": null, "store": false, "temperature": null,
                 "tool_choice": "auto", "tools": [], "top_p": null,
                 "usage": {"input_tokens": 19, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0}, "output_tokens": 10,
                   "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 29},
                 "metadata": {}}
                """);
        Response parsed = sdk(answer);
        assertThat(parsed.status()).contains(ResponseStatus.COMPLETED);
        assertThat(parsed.output().getFirst().asMessage().content().getFirst().asOutputText().text())
                .isEqualTo("Hello! How can I help?");
        assertThat(parsed.usage().orElseThrow().totalTokens()).isEqualTo(29);
    }

    @Test
    void textAndToolCallsBecomeAMessageThenFunctionCallItems() throws Exception {
        JsonNode answer = dialect.fromChat(completion("""
                {"id": "chatcmpl-7", "object": "chat.completion", "created": 1741570000, "model": "claude-sonnet-4-5",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant",
                   "content": "Checking both.",
                   "tool_calls": [
                     {"id": "call_a", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}},
                     {"id": "call_b", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Rome\\"}"}}]}}],
                 "usage": {"prompt_tokens": 120, "completion_tokens": 40, "total_tokens": 160,
                   "prompt_tokens_details": {"cached_tokens": 100, "cache_write_tokens": 20}, "completion_tokens_details": {"reasoning_tokens": 12}}}
                """));

        assertJson(answer.get("output"), """
                [{"type": "message", "id": "msg_chatcmpl-7", "status": "completed", "role": "assistant",
                  "content": [{"type": "output_text", "text": "Checking both.", "annotations": []}]},
                 {"type": "function_call", "id": "fc_call_a", "call_id": "call_a", "name": "get_weather",
                  "arguments": "{\\"city\\":\\"Paris\\"}", "status": "completed"},
                 {"type": "function_call", "id": "fc_call_b", "call_id": "call_b", "name": "get_weather",
                  "arguments": "{\\"city\\":\\"Rome\\"}", "status": "completed"}]
                """);
        assertJson(answer.get("usage"), """
                {"input_tokens": 120, "input_tokens_details": {"cached_tokens": 100, "cache_write_tokens": 20}, "output_tokens": 40,
                 "output_tokens_details": {"reasoning_tokens": 12}, "total_tokens": 160}
                """);
        Response parsed = sdk(answer);
        assertThat(parsed.output().get(2).asFunctionCall().arguments()).isEqualTo("{\"city\":\"Rome\"}");
    }

    @Test
    void onlyToolCallsGiveNoMessageItem() throws Exception {
        JsonNode answer = dialect.fromChat(completion("""
                {"id": "chatcmpl-8", "created": 1741570001, "model": "gpt-4o",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": null,
                   "tool_calls": [{"id": "call_x", "type": "function", "function": {"name": "now", "arguments": "{}"}}]}}]}
                """));

        assertJson(answer.get("output"), """
                [{"type": "function_call", "id": "fc_call_x", "call_id": "call_x", "name": "now", "arguments": "{}",
                  "status": "completed"}]
                """);
        assertThat(answer.get("usage").isNull()).isTrue();
        assertThat(sdk(answer).usage()).isEmpty();
    }

    @Test
    void aLengthCutIsIncompleteForMaxOutputTokens() throws Exception {
        JsonNode answer = dialect.fromChat(completion("""
                {"id": "chatcmpl-9", "created": 1741570002, "model": "gemini-2.5-flash",
                 "choices": [{"index": 0, "finish_reason": "length", "message": {"role": "assistant", "content": "Once upon a"}}],
                 "usage": {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8}}
                """));

        assertThat(answer.get("status").asString()).isEqualTo("incomplete");
        assertJson(answer.get("incomplete_details"), """
                {"reason": "max_output_tokens"}
                """);
        assertThat(answer.at("/output/0/status").asString()).isEqualTo("incomplete");
        // counts the upstream did not report are 0 here: the Responses schema requires them
        assertJson(answer.get("usage"), """
                {"input_tokens": 5, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0}, "output_tokens": 3,
                 "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 8}
                """);
        assertThat(sdk(answer).incompleteDetails().orElseThrow().reason().orElseThrow().asString())
                .isEqualTo("max_output_tokens");
    }

    @Test
    void aContentFilterIsIncompleteForContentFilterAndARefusalIsARefusalPart() throws Exception {
        JsonNode answer = dialect.fromChat(completion("""
                {"id": "chatcmpl-10", "created": 1741570003, "model": "gpt-4o",
                 "choices": [{"index": 0, "finish_reason": "content_filter",
                   "message": {"role": "assistant", "content": null, "refusal": "I can't help with that."}}]}
                """));

        assertJson(answer.get("incomplete_details"), """
                {"reason": "content_filter"}
                """);
        assertJson(answer.at("/output/0/content"), """
                [{"type": "refusal", "refusal": "I can't help with that."}]
                """);
        assertThat(sdk(answer).output().getFirst().asMessage().content().getFirst().asRefusal().refusal())
                .isEqualTo("I can't help with that.");
    }

    @Test
    void usageWithoutOutputIsNotReportedRatherThanInvented() {
        JsonNode answer = dialect.fromChat(completion("""
                {"id": "chatcmpl-11", "created": 1741570004, "model": "m",
                 "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "ok"}}],
                 "usage": {"prompt_tokens": 5}}
                """));

        assertThat(answer.get("usage").isNull()).isTrue();
    }

    static Response sdk(JsonNode json) throws Exception {
        return ObjectMappers.jsonMapper().readValue(Json.write(json), Response.class).validate();
    }

    private static ObjectNode completion(String json) {
        return (ObjectNode) Json.parse(json, "completion");
    }
}
