package dev.quartermaster.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.ObjectMappers;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.ErrorResponse;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.StreamEncoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class MessagesDialectStreamTest {

    /** An OpenAI stream: text, then two parallel tool calls whose arguments come in fragments, then usage. */
    private static final String CHAT_STREAM = """
            data: {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"finish_reason":null}]}

            data: {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"Checking "},"finish_reason":null}]}

            data: {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"both."},"finish_reason":null}]}

            data: {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_P","type":"function","function":{"name":"weather","arguments":""}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\": \\"Par"}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"is\\"}"}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_R","type":"function","function":{"name":"weather","arguments":""}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{\\"city\\": \\"Rome\\"}"}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

            data: {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[],"usage":{"prompt_tokens":1117,"completion_tokens":46,"total_tokens":1163,"prompt_tokens_details":{"cached_tokens":1024}}}
            """;

    private static List<SseEvent> encode(StreamEncoder encoder, List<ObjectNode> chunks) {
        List<SseEvent> events = new ArrayList<>();
        chunks.forEach(chunk -> events.addAll(encoder.onChunk(chunk)));
        events.addAll(encoder.onEnd());
        return events;
    }

    private static List<ObjectNode> chunks(String stream) {
        return SseFixtures.parse(stream).stream().map(e -> (ObjectNode) Json.parse(e.data(), "chunk")).toList();
    }

    /** Each event parsed and validated by anthropic-java, its {@code event:} its type, and all accumulated. */
    private static Message accumulate(List<SseEvent> events) throws Exception {
        MessageAccumulator accumulator = MessageAccumulator.create();
        for (SseEvent event : events) {
            assertThat(Json.parse(event.data(), "event").get("type").asString()).isEqualTo(event.event());
            RawMessageStreamEvent parsed = ObjectMappers.jsonMapper().readValue(event.data(), RawMessageStreamEvent.class);
            accumulator.accumulate(parsed.validate());
        }
        return accumulator.message().validate();
    }

    @Test
    void textAndParallelToolCallsAccumulateIntoTheMessage() throws Exception {
        Message message = accumulate(encode(new MessagesDialect().encoder(false), chunks(CHAT_STREAM)));

        assertThat(message.id()).isEqualTo("chatcmpl-C1");
        assertThat(message.model().asString()).isEqualTo("gpt-4o-2024-08-06");
        List<ContentBlock> content = message.content();
        assertThat(content).hasSize(3);
        assertThat(content.get(0).asText().text()).isEqualTo("Checking both.");
        assertThat(content.get(1).asToolUse().id()).isEqualTo("call_P");
        assertThat(ObjectMappers.jsonMapper().writeValueAsString(content.get(1).asToolUse()._input())).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(content.get(2).asToolUse().id()).isEqualTo("call_R");
        assertThat(ObjectMappers.jsonMapper().writeValueAsString(content.get(2).asToolUse()._input())).isEqualTo("{\"city\":\"Rome\"}");
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(message.usage().outputTokens()).isEqualTo(46);
        assertThat(message.usage().inputTokens()).isEqualTo(93);
        assertThat(message.usage().cacheReadInputTokens()).contains(1024L);
    }

    @Test
    void eventsAreNumberedAndOrderedAsAnthropicSendsThem() {
        List<SseEvent> events = encode(new MessagesDialect().encoder(true), chunks(CHAT_STREAM));

        assertThat(events).extracting(SseEvent::event).containsExactly(
                "message_start",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta",
                "content_block_start", "content_block_delta", "content_block_stop", "content_block_stop",
                "message_delta", "message_stop");
        // tool blocks close at the end, so a late fragment of an earlier call could still land on its block
        assertThat(events).extracting(e -> Json.parse(e.data(), "e").path("index").asInt(-1))
                .containsExactly(-1, 0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 2, -1, -1);
        assertThat(events.get(5).data()).isEqualTo("""
                {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_P","name":"weather","input":{}}}""");
        assertThat(events.get(12).data()).isEqualTo("""
                {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},\
                "usage":{"input_tokens":93,"cache_read_input_tokens":1024,"output_tokens":46}}""");
    }

    @Test
    void aStreamWithoutUsageStillEndsInAMessageTheSdkAccepts() throws Exception {
        List<ObjectNode> chunks = chunks(CHAT_STREAM).stream().filter(c -> !c.has("usage")).toList();

        Message message = accumulate(encode(new MessagesDialect().encoder(false), chunks));

        assertThat(message.usage().outputTokens()).isZero();
        assertThat(message.content()).hasSize(3);
    }

    @Test
    void anErrorIsAnErrorEvent() throws Exception {
        StreamEncoder encoder = new MessagesDialect().encoder(true);
        encoder.onChunk(chunks(CHAT_STREAM).get(1));

        List<SseEvent> events = encoder.onError("overloaded_error", "Overloaded");

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("error");
            assertThat(event.data()).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        });
        ErrorResponse error = ObjectMappers.jsonMapper().readValue(events.getFirst().data(), ErrorResponse.class).validate();
        assertThat(error.error().isOverloadedError()).isTrue();
        assertThat(encoder.onEnd()).isEmpty();
    }

    @Test
    void anAnthropicStreamDecodedAndEncodedAgainKeepsTextAndToolInput() throws Exception {
        StreamDecoder decoder = new AnthropicUpstream().decoder();
        StreamEncoder encoder = new MessagesDialect().encoder(true);
        List<SseEvent> events = new ArrayList<>();
        for (SseEvent upstream : SseFixtures.parse(AnthropicStreamFixtures.TOOLS)) {
            decoder.onEvent(upstream).forEach(chunk -> events.addAll(encoder.onChunk(chunk)));
        }
        decoder.onEnd().forEach(chunk -> events.addAll(encoder.onChunk(chunk)));
        events.addAll(encoder.onEnd());

        Message message = accumulate(events);
        assertThat(message.id()).isEqualTo("msg_014p7gG3wDgGV9EUtLvnow3U");
        assertThat(message.content().get(0).asText().text()).isEqualTo("Checking both.");
        assertThat(ObjectMappers.jsonMapper().writeValueAsString(message.content().get(1).asToolUse()._input()))
                .isEqualTo("{\"location\":\"San Francisco, CA\",\"note\":\"\uD83D\uDE00\"}");
        assertThat(ObjectMappers.jsonMapper().writeValueAsString(message.content().get(2).asToolUse()._input())).isEqualTo("{}");
        assertThat(message.usage().inputTokens()).isEqualTo(472);
        assertThat(message.usage().cacheReadInputTokens()).contains(1000L);
        assertThat(message.usage().outputTokens()).isEqualTo(89);
    }

    @Test
    void argumentsForAnEarlierCallLandOnItsBlock() throws Exception {
        List<ObjectNode> chunks = chunks("""
                data: {"id":"c2","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_A","type":"function","function":{"name":"a","arguments":""}},{"index":1,"id":"call_B","type":"function","function":{"name":"b","arguments":""}}]},"finish_reason":null}]}

                data: {"id":"c2","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"x\\":1}"}},{"index":1,"function":{"arguments":"{\\"y\\":2}"}}]},"finish_reason":"tool_calls"}]}
                """);

        Message message = accumulate(encode(new MessagesDialect().encoder(false), chunks));

        assertThat(ObjectMappers.jsonMapper().writeValueAsString(message.content().get(0).asToolUse()._input())).isEqualTo("{\"x\":1}");
        assertThat(ObjectMappers.jsonMapper().writeValueAsString(message.content().get(1).asToolUse()._input())).isEqualTo("{\"y\":2}");
    }
}
