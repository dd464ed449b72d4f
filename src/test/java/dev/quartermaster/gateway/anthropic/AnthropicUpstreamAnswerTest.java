package dev.quartermaster.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.Usage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AnthropicUpstreamAnswerTest {

    private final AnthropicUpstream upstream = new AnthropicUpstream();

    static ChatCompletion parsed(ObjectNode completion) throws Exception {
        ChatCompletion parsed = ObjectMappers.jsonMapper().readValue(Json.write(completion), ChatCompletion.class);
        return parsed.validate();
    }

    @Test
    void aMessageWithTextAndToolUseIsACompletionWithToolCalls() throws Exception {
        JsonNode answer = Json.parse("""
                {"id": "msg_01XFDUDYJgAACzvnptvVoYEL", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929",
                 "content": [
                   {"type": "thinking", "thinking": "Two cities.", "signature": "EqQBCgIYAhIM"},
                   {"type": "text", "text": "Let me check "},
                   {"type": "text", "text": "both."},
                   {"type": "tool_use", "id": "toolu_01A", "name": "weather", "input": {"city": "Paris"}},
                   {"type": "tool_use", "id": "toolu_01B", "name": "weather", "input": {"city": "Rome", "unit": "c"}}],
                 "stop_reason": "tool_use", "stop_sequence": null,
                 "usage": {"input_tokens": 100, "cache_creation_input_tokens": 20, "cache_read_input_tokens": 300,
                           "output_tokens": 45, "service_tier": "standard"}}""", "answer");

        ObjectNode completion = upstream.completion(answer);

        assertThat(completion.get("id").asString()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(completion.get("model").asString()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(completion.get("object").asString()).isEqualTo("chat.completion");
        assertThat(completion.at("/choices/0/message")).hasToString("""
                {"role":"assistant","content":"Let me check both.","reasoning_content":"Two cities.","refusal":null,"tool_calls":[\
                {"id":"toolu_01A","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},\
                {"id":"toolu_01B","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Rome\\",\\"unit\\":\\"c\\"}"}}]}""");
        assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(completion.get("usage")).hasToString("""
                {"prompt_tokens":420,"completion_tokens":45,"total_tokens":465,"prompt_tokens_details":{"cached_tokens":300}}""");
        ChatCompletion sdk = parsed(completion);
        assertThat(sdk.choices().getFirst().message().toolCalls().orElseThrow()).hasSize(2);
    }

    @Test
    void stopReasonsMapToFinishReasons() throws Exception {
        String[][] cases = {{"end_turn", "stop"}, {"stop_sequence", "stop"}, {"max_tokens", "length"},
                {"tool_use", "stop"}, {"refusal", "content_filter"}, {"pause_turn", "stop"}};
        for (String[] pair : cases) {
            ObjectNode completion = upstream.completion(Json.parse("""
                    {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-haiku-4-5",
                     "content": [{"type": "text", "text": "Hi"}], "stop_reason": "%s", "stop_sequence": null,
                     "usage": {"input_tokens": 5, "output_tokens": 1}}""".formatted(pair[0]), "answer"));

            // tool_use without a tool call of the client's can only be the forced JSON answer
            assertThat(completion.at("/choices/0/finish_reason").asString()).as(pair[0]).isEqualTo(pair[1]);
            parsed(completion);
        }
    }

    @Test
    void noTextIsNullContentAndUncachedUsageHasNoDetails() throws Exception {
        ObjectNode completion = upstream.completion(Json.parse("""
                {"id": "msg_2", "type": "message", "role": "assistant", "model": "claude-haiku-4-5", "content": [],
                 "stop_reason": "end_turn", "stop_sequence": null, "usage": {"input_tokens": 7, "output_tokens": 0}}""", "answer"));

        assertThat(completion.at("/choices/0/message/content").isNull()).isTrue();
        assertThat(completion.get("usage")).hasToString("""
                {"prompt_tokens":7,"completion_tokens":0,"total_tokens":7}""");
        parsed(completion);
    }

    @Test
    void theForcedJsonAnswerIsTheContent() throws Exception {
        ObjectNode completion = upstream.completion(Json.parse("""
                {"id": "msg_3", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                 "content": [{"type": "tool_use", "id": "toolu_9", "name": "quartermaster_json_answer", "input": {"name": "Paris"}}],
                 "stop_reason": "tool_use", "stop_sequence": null, "usage": {"input_tokens": 50, "output_tokens": 12}}""", "answer"));

        assertThat(completion.at("/choices/0/message")).hasToString("""
                {"role":"assistant","content":"{\\"name\\":\\"Paris\\"}","refusal":null}""");
        assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        parsed(completion);
    }

    @Test
    void usageIsNormalisedAndAbsentCountsStayNull() {
        JsonNode usage = Json.parse("""
                {"input_tokens": 10, "cache_creation_input_tokens": 5, "cache_read_input_tokens": 200, "output_tokens": 30}""", "u");

        assertThat(upstream.usage(Json.object().set("usage", usage)))
                .isEqualTo(new Usage(215L, 200L, 5L, 30L, null, usage));
        assertThat(upstream.usage(Json.parse("{\"usage\": {\"output_tokens\": 3}}", "a")))
                .extracting(Usage::input, Usage::cachedInput, Usage::cacheWrite, Usage::output)
                .containsExactly(null, null, null, 3L);
        assertThat(upstream.usage(Json.object())).isEqualTo(Usage.NONE);
    }

    @Test
    void theErrorMessageIsErrorDotMessage() {
        JsonNode error = Json.parse("""
                {"type": "error", "error": {"type": "invalid_request_error", "message": "max_tokens: Field required"},
                 "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy"}""", "e");

        assertThat(upstream.errorMessage(error)).contains("max_tokens: Field required");
        assertThat(upstream.errorMessage(Json.parse("{\"message\": \"x\"}", "e"))).isEmpty();
    }
}
