package dev.quartermaster.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.core.ObjectMappers;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.StreamError;
import dev.quartermaster.gateway.wire.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class AnthropicUpstreamStreamTest {

    private static final String TOOLS_STREAM = AnthropicStreamFixtures.TOOLS;


    private final List<ObjectNode> chunks = new ArrayList<>();

    private StreamDecoder decode(String stream) {
        StreamDecoder decoder = new AnthropicUpstream().decoder();
        for (SseEvent event : SseFixtures.parse(stream)) {
            chunks.addAll(decoder.onEvent(event));
        }
        chunks.addAll(decoder.onEnd());
        return decoder;
    }

    private ChatCompletion accumulated() throws Exception {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        for (ObjectNode chunk : chunks) {
            accumulator.accumulate(ObjectMappers.jsonMapper().readValue(Json.write(chunk), ChatCompletionChunk.class).validate());
        }
        return accumulator.chatCompletion().validate();
    }

    @Test
    void textAndSeveralToolCallsAssembleIntoOneAnswer() throws Exception {
        StreamDecoder decoder = decode(TOOLS_STREAM);

        ChatCompletion completion = accumulated();
        assertThat(completion.id()).isEqualTo("msg_014p7gG3wDgGV9EUtLvnow3U");
        assertThat(completion.model()).isEqualTo("claude-sonnet-4-5-20250929");
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.message().content()).contains("Checking both.");
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        List<ChatCompletionMessageFunctionToolCall> calls = choice.message().toolCalls().orElseThrow().stream()
                .map(call -> call.asFunction()).toList();
        assertThat(calls).extracting(ChatCompletionMessageFunctionToolCall::id).containsExactly("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "toolu_01CLOCK");
        assertThat(calls.get(0).function().arguments()).isEqualTo("{\"location\": \"San Francisco, CA\", \"note\": \"\\ud83d\\ude00\"}");
        assertThat(Json.parse(calls.get(0).function().arguments(), "a").get("note").asString()).isEqualTo("\uD83D\uDE00");
        // a call whose input came in no fragment ends with an empty object, never an empty string
        assertThat(calls.get(1).function().arguments()).isEqualTo("{}");
        assertThat(decoder.finished()).isTrue();
    }

    @Test
    void chunksHaveTheHubShape() {
        decode(TOOLS_STREAM);

        assertThat(chunks.getFirst().get("choices")).hasToString("""
                [{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]""");
        assertThat(chunks).filteredOn(c -> c.toString().contains("toolu_01CLOCK")).singleElement()
                .extracting(c -> c.at("/choices/0/delta").toString()).isEqualTo("""
                        {"tool_calls":[{"index":1,"id":"toolu_01CLOCK","type":"function","function":{"name":"get_time","arguments":""}}]}""");
        assertThat(chunks).extracting(c -> c.at("/choices/0/delta/tool_calls/0/function/arguments").asString(null))
                .containsSubsequence("", "{\"location\": \"San Fra", "ncisco, CA\", \"note\": \"\\ud83d", "\\ude00\"}", "", "{}");
        assertThat(chunks).noneMatch(c -> c.path("choices").toString().contains("\"arguments\":\"\"}}]},{"));
        ObjectNode last = chunks.getLast();
        assertThat(last.get("choices")).hasToString("[]");
        assertThat(last.get("usage")).hasToString("""
                {"prompt_tokens":1472,"completion_tokens":89,"total_tokens":1561,"prompt_tokens_details":{"cached_tokens":1000}}""");
        assertThat(chunks).filteredOn(c -> c.has("usage")).hasSize(1);
        assertThat(chunks).allMatch(c -> c.get("id").asString().equals("msg_014p7gG3wDgGV9EUtLvnow3U"));
    }

    @Test
    void aMessageDeltaWithoutInputCountsKeepsThoseOfMessageStart() {
        StreamDecoder decoder = decode(TOOLS_STREAM);

        Usage usage = decoder.usage();
        assertThat(usage).extracting(Usage::input, Usage::cachedInput, Usage::cacheWrite, Usage::output, Usage::reasoning)
                .containsExactly(1472L, 1000L, 0L, 89L, null);
    }

    @Test
    void aMessageDeltaWithCumulativeInputCountsReplacesThem() {
        StreamDecoder decoder = decode("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":10,"output_tokens":1}}}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":12,"cache_read_input_tokens":30,"output_tokens":5}}

                event: message_stop
                data: {"type":"message_stop"}
                """);

        assertThat(decoder.usage().input()).isEqualTo(42L);
        assertThat(decoder.usage().output()).isEqualTo(5L);
    }

    @Test
    void aSurrogatePairSplitAcrossTextDeltasIsNeverHalvedInAChunk() throws Exception {
        decode("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_2","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi \\ud83d"}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"\\ude00!"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":4}}

                event: message_stop
                data: {"type":"message_stop"}
                """);

        assertThat(chunks).extracting(c -> c.at("/choices/0/delta/content").asString(null))
                .containsSubsequence("Hi ", "\uD83D\uDE00!");
        assertThat(accumulated().choices().getFirst().message().content()).contains("Hi \uD83D\uDE00!");
    }

    @Test
    void thinkingIsReasoningContentAndNeverContent() {
        decode("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_3","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me add."}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: content_block_start
                data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"4"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":1}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":30}}

                event: message_stop
                data: {"type":"message_stop"}
                """);

        assertThat(chunks).extracting(c -> c.at("/choices/0/delta").toString())
                .contains("{\"reasoning_content\":\"Let me add.\"}", "{\"content\":\"4\"}")
                .noneMatch(delta -> delta.contains("EqQB"));
        assertThat(chunks).extracting(c -> c.at("/choices/0/finish_reason").asString(null)).contains("stop");
    }

    @Test
    void anErrorEventAfterContentIsAStreamError() {
        StreamDecoder decoder = new AnthropicUpstream().decoder();
        List<SseEvent> events = SseFixtures.parse("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_4","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":"Once upon"}}

                event: error
                data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
                """);
        assertThat(decoder.onEvent(events.get(0))).hasSize(1);
        assertThat(decoder.onEvent(events.get(1))).singleElement()
                .extracting(c -> c.at("/choices/0/delta/content").asString()).isEqualTo("Once upon");

        assertThatThrownBy(() -> decoder.onEvent(events.get(2))).isInstanceOfSatisfying(StreamError.class, error -> {
            assertThat(error.type()).isEqualTo("overloaded_error");
            assertThat(error.getMessage()).isEqualTo("Overloaded");
        });
        assertThat(decoder.finished()).isFalse();
    }

    @Test
    void aTruncatedStreamIsNotFinishedAndStillReportsWhatItSaw() {
        StreamDecoder decoder = decode("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_5","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}
                """);

        assertThat(decoder.finished()).isFalse();
        assertThat(decoder.usage().input()).isEqualTo(25L);
        assertThat(chunks).noneMatch(c -> c.at("/choices/0/finish_reason").isString());
    }

    @Test
    void theForcedJsonAnswerStreamsAsContent() throws Exception {
        decode("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_6","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":40,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_7","name":"quartermaster_json_answer","input":{}}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"name\\": "}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"\\"Paris\\"}"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":9}}

                event: message_stop
                data: {"type":"message_stop"}
                """);

        ChatCompletion completion = accumulated();
        assertThat(completion.choices().getFirst().message().content()).contains("{\"name\": \"Paris\"}");
        assertThat(completion.choices().getFirst().message().toolCalls().orElse(List.of())).isEmpty();
        assertThat(chunks).noneMatch(c -> c.toString().contains("tool_calls"));
        assertThat(completion.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    }
}
