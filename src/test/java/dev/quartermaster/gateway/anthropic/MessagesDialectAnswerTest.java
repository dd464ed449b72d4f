package dev.quartermaster.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.StopReason;
import dev.quartermaster.gateway.wire.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MessagesDialectAnswerTest {

    private final MessagesDialect dialect = new MessagesDialect();

    private JsonNode message(String completion) {
        return dialect.fromChat((ObjectNode) Json.parse(completion, "completion"));
    }

    private static Message parsed(JsonNode message) throws Exception {
        return ObjectMappers.jsonMapper().readValue(Json.write(message), Message.class).validate();
    }

    @Test
    void aCompletionWithToolCallsIsAMessageWithTextThenToolUse() throws Exception {
        JsonNode message = message("""
                {"id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "object": "chat.completion", "created": 1741570283,
                 "model": "gpt-4o-2024-08-06", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Checking.",
                   "refusal": null, "tool_calls": [
                     {"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Paris\\"}"}},
                     {"id": "call_2", "type": "function", "function": {"name": "now", "arguments": "not json"}}]},
                   "logprobs": null, "finish_reason": "tool_calls"}],
                 "usage": {"prompt_tokens": 1117, "completion_tokens": 46, "total_tokens": 1163,
                   "prompt_tokens_details": {"cached_tokens": 1024, "audio_tokens": 0},
                   "completion_tokens_details": {"reasoning_tokens": 0}}}""");

        assertThat(message).hasToString("""
                {"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","type":"message","role":"assistant","model":"gpt-4o-2024-08-06",\
                "content":[{"type":"text","text":"Checking."},\
                {"type":"tool_use","id":"call_1","name":"weather","input":{"city":"Paris"}},\
                {"type":"tool_use","id":"call_2","name":"now","input":{}}],\
                "stop_reason":"tool_use","stop_sequence":null,\
                "usage":{"input_tokens":93,"cache_read_input_tokens":1024,"output_tokens":46}}""");
        Message sdk = parsed(message);
        assertThat(sdk.content()).hasSize(3);
        assertThat(sdk.content().get(1).asToolUse().name()).isEqualTo("weather");
        assertThat(sdk.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(sdk.usage().inputTokens()).isEqualTo(93);
    }

    @Test
    void finishReasonsMapBackToStopReasons() throws Exception {
        String[][] cases = {{"stop", "end_turn"}, {"length", "max_tokens"}, {"tool_calls", "tool_use"}, {"content_filter", "refusal"}};
        for (String[] pair : cases) {
            JsonNode message = message("""
                    {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "m",
                     "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi"}, "finish_reason": "%s"}],
                     "usage": {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6}}""".formatted(pair[0]));

            assertThat(message.get("stop_reason").asString()).as(pair[0]).isEqualTo(pair[1]);
            assertThat(message.get("usage")).hasToString("{\"input_tokens\":5,\"output_tokens\":1}");
            parsed(message);
        }
    }

    @Test
    void noContentIsNoBlocksAndAbsentUsageStaysAbsent() {
        JsonNode message = message("""
                {"id": "chatcmpl-2", "object": "chat.completion", "created": 1, "model": "m",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": null}, "finish_reason": "stop"}]}""");

        assertThat(message.get("content")).hasToString("[]");
        assertThat(message.get("usage")).hasToString("{}");
    }
}
