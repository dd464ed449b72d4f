package dev.quartermaster.gateway.responses;

import static dev.quartermaster.gateway.responses.ResponsesRequestTest.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.ObjectMappers;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamEncoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ResponsesStreamTest {

    private static final String TEXT = """
            {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570100,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]}
            {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570100,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"Hel"},"logprobs":null,"finish_reason":null}]}
            {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570100,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"lo!"},"logprobs":null,"finish_reason":null}]}
            {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570100,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}
            {"id":"chatcmpl-C1","object":"chat.completion.chunk","created":1741570100,"model":"gpt-4o-2024-08-06","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}
            """;

    /** Text first, then two calls whose argument fragments interleave, as a parallel-calling upstream sends them. */
    private static final String TWO_CALLS = """
            {"id":"chatcmpl-C2","object":"chat.completion.chunk","created":1741570200,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{"role":"assistant","content":"Checking."},"finish_reason":null}]}
            {"id":"chatcmpl-C2","object":"chat.completion.chunk","created":1741570200,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_p","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}
            {"id":"chatcmpl-C2","object":"chat.completion.chunk","created":1741570200,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_r","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":"}}]},"finish_reason":null}]}
            {"id":"chatcmpl-C2","object":"chat.completion.chunk","created":1741570200,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\":"}}]},"finish_reason":null}]}
            {"id":"chatcmpl-C2","object":"chat.completion.chunk","created":1741570200,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"\\"Rome\\"}"}}]},"finish_reason":null}]}
            {"id":"chatcmpl-C2","object":"chat.completion.chunk","created":1741570200,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"Paris\\"}"}}]},"finish_reason":null}]}
            {"id":"chatcmpl-C2","object":"chat.completion.chunk","created":1741570200,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}
            {"id":"chatcmpl-C2","object":"chat.completion.chunk","created":1741570200,"model":"gemini-2.5-pro","choices":[],"usage":{"prompt_tokens":80,"completion_tokens":30,"total_tokens":110,"prompt_tokens_details":{"cached_tokens":64},"completion_tokens_details":{"reasoning_tokens":7}}}
            """;

    private final ResponsesDialect dialect = new ResponsesDialect();

    @Test
    void aStreamedTextAnswerIsTheResponsesEventSequence() throws Exception {
        List<SseEvent> events = stream(dialect.encoder(false), TEXT);

        assertThat(events).extracting(SseEvent::event).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.completed");
        assertJson(data(events.get(2)), """
                {"type": "response.output_item.added", "sequence_number": 2, "output_index": 0,
                 "item": {"type": "message", "id": "msg_chatcmpl-C1", "status": "in_progress", "role": "assistant", "content": []}}
                """);
        assertJson(data(events.get(5)), """
                {"type": "response.output_text.delta", "sequence_number": 5, "item_id": "msg_chatcmpl-C1",
                 "output_index": 0, "content_index": 0, "delta": "lo!", "logprobs": []}
                """);
        assertJson(data(events.get(6)), """
                {"type": "response.output_text.done", "sequence_number": 6, "item_id": "msg_chatcmpl-C1",
                 "output_index": 0, "content_index": 0, "text": "Hello!", "logprobs": []}
                """);
        assertJson(data(events.get(9)).get("response"), """
                {"id": "resp_chatcmpl-C1", "object": "response", "created_at": 1741570100, "status": "completed",
                 "error": null, "incomplete_details": null, "instructions": null, "max_output_tokens": null,
                 "model": "gpt-4o-2024-08-06",
                 "output": [{"type": "message", "id": "msg_chatcmpl-C1", "status": "completed", "role": "assistant",
                   "content": [{"type": "output_text", "text": "Hello!", "annotations": []}]}],
                 "parallel_tool_calls": true, "previous_response_id": null, "store": false, "temperature": null,
                 "tool_choice": "auto", "tools": [], "top_p": null,
                 "usage": {"input_tokens": 9, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                   "output_tokens": 2, "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 11},
                 "metadata": {}}
                """);

        ResponseAccumulator accumulated = throughOpenAiJava(events);
        assertThat(text(accumulated.response())).isEqualTo("Hello!");
        assertThat(text(accumulated.reconstructedResponse())).isEqualTo("Hello!");
        assertThat(accumulated.response().usage().orElseThrow().totalTokens()).isEqualTo(11);
    }

    @Test
    void interleavedToolCallsKeepTheirOutputIndexAndAccumulateThroughOpenAiJava() throws Exception {
        List<SseEvent> events = stream(dialect.encoder(true), TWO_CALLS);

        assertThat(events).extracting(SseEvent::event).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.output_item.added", "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                "response.function_call_arguments.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.function_call_arguments.done", "response.output_item.done",
                "response.function_call_arguments.done", "response.output_item.done", "response.completed");
        assertJson(data(events.get(6)), """
                {"type": "response.output_item.added", "sequence_number": 6, "output_index": 2,
                 "item": {"type": "function_call", "id": "fc_call_r", "call_id": "call_r", "name": "get_weather",
                   "arguments": "", "status": "in_progress"}}
                """);
        assertJson(data(events.get(8)), """
                {"type": "response.function_call_arguments.delta", "sequence_number": 8, "item_id": "fc_call_p",
                 "output_index": 1, "delta": "{\\"city\\":"}
                """);
        assertJson(data(events.get(16)), """
                {"type": "response.function_call_arguments.done", "sequence_number": 16, "item_id": "fc_call_r",
                 "output_index": 2, "arguments": "{\\"city\\":\\"Rome\\"}"}
                """);

        ResponseAccumulator accumulated = throughOpenAiJava(events);
        for (Response response : List.of(accumulated.response(), accumulated.reconstructedResponse())) {
            List<ResponseOutputItem> output = response.output();
            assertThat(output).hasSize(3);
            assertThat(text(response)).isEqualTo("Checking.");
            assertThat(output.get(1).asFunctionCall().callId()).isEqualTo("call_p");
            assertThat(output.get(1).asFunctionCall().arguments()).isEqualTo("{\"city\":\"Paris\"}");
            assertThat(output.get(2).asFunctionCall().callId()).isEqualTo("call_r");
            assertThat(output.get(2).asFunctionCall().arguments()).isEqualTo("{\"city\":\"Rome\"}");
        }
        assertThat(accumulated.response().usage().orElseThrow().inputTokensDetails().cachedTokens()).isEqualTo(64);
        assertThat(accumulated.response().usage().orElseThrow().outputTokensDetails().reasoningTokens()).isEqualTo(7);
    }

    @Test
    void aStreamCutByTheTokenLimitEndsWithResponseIncomplete() throws Exception {
        List<SseEvent> events = stream(dialect.encoder(false), TEXT.replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\""));

        SseEvent last = events.getLast();
        assertThat(last.event()).isEqualTo("response.incomplete");
        assertJson(data(last).at("/response/incomplete_details"), """
                {"reason": "max_output_tokens"}
                """);
        assertThat(data(last).at("/response/status").asString()).isEqualTo("incomplete");
        assertThat(throughOpenAiJava(events).response().status()).contains(ResponseStatus.INCOMPLETE);
    }

    @Test
    void anErrorAfterTheStreamBeganIsResponseFailedWithWhatStreamedSoFar() throws Exception {
        StreamEncoder encoder = dialect.encoder(false);
        List<SseEvent> events = new ArrayList<>();
        TEXT.lines().limit(2).forEach(line -> events.addAll(encoder.onChunk(chunk(line))));
        events.addAll(encoder.onError("overloaded_error", "the upstream stream broke off"));

        assertThat(events).extracting(SseEvent::event).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.failed");
        JsonNode failed = data(events.getLast()).get("response");
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertJson(failed.get("error"), """
                {"code": "server_error", "message": "the upstream stream broke off"}
                """);
        assertJson(failed.get("output"), """
                [{"type": "message", "id": "msg_chatcmpl-C1", "status": "incomplete", "role": "assistant",
                  "content": [{"type": "output_text", "text": "Hel", "annotations": []}]}]
                """);
        assertThat(throughOpenAiJava(events).response().status()).contains(ResponseStatus.FAILED);
        assertThat(encoder.onEnd()).isEmpty();
    }

    @Test
    void aRateLimitBeforeAnyChunkStillOpensTheResponseThenFails() throws Exception {
        List<SseEvent> events = dialect.encoder(false).onError("rate_limit_error", "slow down");

        assertThat(events).extracting(SseEvent::event)
                .containsExactly("response.created", "response.in_progress", "response.failed");
        assertThat(data(events.getLast()).at("/response/error/code").asString()).isEqualTo("rate_limit_exceeded");
        throughOpenAiJava(events);
    }

    private static List<SseEvent> stream(StreamEncoder encoder, String chunks) {
        List<SseEvent> events = new ArrayList<>();
        chunks.lines().forEach(line -> events.addAll(encoder.onChunk(chunk(line))));
        events.addAll(encoder.onEnd());
        return events;
    }

    /** Every event parsed and validated by openai-java, named as its data's type and numbered in order. */
    private static ResponseAccumulator throughOpenAiJava(List<SseEvent> events) throws Exception {
        ResponseAccumulator accumulator = ResponseAccumulator.createWithSnapshots();
        for (int i = 0; i < events.size(); i++) {
            JsonNode data = data(events.get(i));
            assertThat(events.get(i).event()).isEqualTo(data.get("type").asString());
            assertThat(data.get("sequence_number").asLong()).isEqualTo(i);
            ResponseStreamEvent event = ObjectMappers.jsonMapper().readValue(events.get(i).data(), ResponseStreamEvent.class);
            accumulator.accumulate(event.validate());
        }
        return accumulator;
    }

    private static String text(Response response) {
        return response.output().getFirst().asMessage().content().getFirst().asOutputText().text();
    }

    private static JsonNode data(SseEvent event) {
        return Json.parse(event.data(), "data");
    }

    private static ObjectNode chunk(String line) {
        return (ObjectNode) Json.parse(line, "chunk");
    }
}
