package dev.quartermaster.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.core.ObjectMappers;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamEncoder;
import dev.quartermaster.gateway.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic Messages from clients, read into the chat hub and written back, checked with anthropic-java. */
class MessagesDialectTest {

    private final MessagesDialect dialect = new MessagesDialect();

    @Test
    void aRequestWithSystemToolsAndAToolTurnBecomesAChat() {
        ObjectNode chat = dialect.toChat(Json.parse("""
                {"model": "m", "max_tokens": 300, "system": [{"type": "text", "text": "Be brief."}],
                 "stop_sequences": ["END"], "top_k": 5, "metadata": {"user_id": "u7"}, "stream": true,
                 "tools": [{"name": "weather", "description": "Weather", "input_schema": {"type": "object"}}],
                 "tool_choice": {"type": "any", "disable_parallel_tool_use": true},
                 "messages": [
                  {"role": "user", "content": "Weather in Oslo?"},
                  {"role": "assistant", "content": [{"type": "thinking", "thinking": "hm", "signature": "s"},
                     {"type": "text", "text": "Checking."},
                     {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {"city": "Oslo"}}]},
                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": [{"type": "text", "text": "rain"}]},
                     {"type": "text", "text": "And tomorrow?"},
                     {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/"}}]}]}""", "r"));

        assertThat(Json.write(chat)).isEqualTo(AnthropicUpstreamTest.same("""
                {"model": "m", "messages": [
                  {"role": "system", "content": "Be brief."},
                  {"role": "user", "content": "Weather in Oslo?"},
                  {"role": "assistant", "content": "Checking.", "tool_calls": [
                     {"id": "toolu_1", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Oslo\\"}"}}]},
                  {"role": "tool", "tool_call_id": "toolu_1", "content": "rain"},
                  {"role": "user", "content": [{"type": "text", "text": "And tomorrow?"},
                     {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/"}}]}],
                 "max_tokens": 300,
                 "tools": [{"type": "function", "function": {"name": "weather", "description": "Weather",
                            "parameters": {"type": "object"}}}],
                 "tool_choice": "required", "parallel_tool_calls": false,
                 "stop": ["END"], "user": "u7", "stream": true}""", "expected"));
    }

    @Test
    void badRequestsNameTheFieldAsAnthropicDoes() {
        assertThatThrownBy(() -> dialect.toChat(Json.parse("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}", "r")))
                .extracting(e -> ((WireException) e).param()).isEqualTo("max_tokens");
        assertThatThrownBy(() -> dialect.toChat(Json.parse(
                "{\"max_tokens\": 5, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}, {\"role\": \"robot\", \"content\": \"y\"}]}", "r")))
                .extracting(e -> ((WireException) e).param()).isEqualTo("messages.1.role");
        assertThatThrownBy(() -> dialect.toChat(Json.parse(
                "{\"max_tokens\": 5, \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"document\"}]}]}", "r")))
                .extracting(e -> ((WireException) e).param()).isEqualTo("messages.0.content.0.type");
    }

    @Test
    void aWholeCompletionBecomesAMessageTheSdkReads() {
        JsonNode answer = dialect.fromChat((ObjectNode) Json.parse("""
                {"id": "chatcmpl-7", "object": "chat.completion", "created": 1, "model": "gpt-up",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": "Let me see.",
                   "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Oslo\\"}"}}]}}],
                 "usage": {"prompt_tokens": 20, "completion_tokens": 6, "total_tokens": 26, "prompt_tokens_details": {"cached_tokens": 8}}}""",
                "c"));

        Message message = ObjectMappers.jsonMapper().convertValue(Json.MAPPER.convertValue(answer, Object.class), Message.class);
        message.validate();
        assertThat(message.id()).isEqualTo("chatcmpl-7");
        assertThat(message.stopReason()).hasValue(StopReason.TOOL_USE);
        assertThat(message.content().get(1).toolUse().orElseThrow().name()).isEqualTo("weather");
        assertThat(message.usage().inputTokens()).isEqualTo(12);
        assertThat(message.usage().cacheReadInputTokens()).hasValue(8L);
    }

    @Test
    void aStreamOfChunksWithTextAndTwoToolsAccumulatesInTheSdk() throws Exception {
        StreamEncoder encoder = dialect.encoder(true);
        List<SseEvent> events = new ArrayList<>();
        for (String delta : List.of(
                "{\"role\": \"assistant\", \"content\": \"\"}",
                "{\"content\": \"On it.\"}",
                "{\"tool_calls\": [{\"index\": 0, \"id\": \"call_a\", \"type\": \"function\", \"function\": {\"name\": \"a\", \"arguments\": \"\"}}]}",
                "{\"tool_calls\": [{\"index\": 0, \"function\": {\"arguments\": \"{\\\"x\\\":\"}}]}",
                "{\"tool_calls\": [{\"index\": 0, \"function\": {\"arguments\": \"1}\"}}]}",
                "{\"tool_calls\": [{\"index\": 1, \"id\": \"call_b\", \"type\": \"function\", \"function\": {\"name\": \"b\", \"arguments\": \"{}\"}}]}")) {
            events.addAll(encoder.onChunk(chunk(delta, null)));
        }
        events.addAll(encoder.onChunk(chunk("{}", "tool_calls")));
        ObjectNode usage = (ObjectNode) Json.parse("{\"id\": \"chatcmpl-s\", \"model\": \"gpt-up\", \"choices\": [], "
                + "\"usage\": {\"prompt_tokens\": 9, \"completion_tokens\": 4}}", "u");
        events.addAll(encoder.onChunk(usage));
        events.addAll(encoder.onEnd());

        MessageAccumulator accumulator = MessageAccumulator.create();
        for (SseEvent event : events) {
            assertThat(event.event()).isEqualTo(Json.parse(event.data(), "e").get("type").stringValue());
            RawMessageStreamEvent parsed = ObjectMappers.jsonMapper().readValue(event.data(), RawMessageStreamEvent.class);
            parsed.validate();
            accumulator.accumulate(parsed);
        }
        Message message = accumulator.message();
        assertThat(message.id()).isEqualTo("chatcmpl-s");
        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("On it.");
        assertThat(message.content().get(1).toolUse().orElseThrow()._input().toString()).isEqualTo("{x=1}");
        assertThat(message.content().get(2).toolUse().orElseThrow().name()).isEqualTo("b");
        assertThat(message.stopReason()).hasValue(StopReason.TOOL_USE);
        assertThat(message.usage().outputTokens()).isEqualTo(4);
        assertThat(encoder.onError("overloaded_error", "busy").getFirst().data())
                .isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"busy\"}}");
    }

    private static ObjectNode chunk(String delta, String finish) {
        return (ObjectNode) Json.parse("{\"id\": \"chatcmpl-s\", \"object\": \"chat.completion.chunk\", \"model\": \"gpt-up\", "
                + "\"choices\": [{\"index\": 0, \"delta\": " + delta + ", \"finish_reason\": "
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}", "chunk");
    }
}
