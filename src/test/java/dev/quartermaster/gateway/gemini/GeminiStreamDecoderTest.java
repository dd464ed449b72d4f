package dev.quartermaster.gateway.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.StreamError;
import dev.quartermaster.gateway.wire.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class GeminiStreamDecoderTest {

    final StreamDecoder decoder = new GeminiUpstream().decoder();

    static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    /** Feeds the {@code data:} lines of an SSE stream, as the pipeline would; every chunk must pass openai-java. */
    List<ObjectNode> decode(String stream) throws Exception {
        List<ObjectNode> chunks = new ArrayList<>();
        for (String line : stream.strip().split("\n")) {
            if (line.startsWith("data: ")) {
                chunks.addAll(decoder.onEvent(SseEvent.data(line.substring("data: ".length()))));
            }
        }
        chunks.addAll(decoder.onEnd());
        for (ObjectNode chunk : chunks) {
            ObjectMappers.jsonMapper().readValue(Json.write(chunk), ChatCompletionChunk.class).validate();
        }
        return chunks;
    }

    static JsonNode delta(ObjectNode chunk) {
        return chunk.get("choices").get(0).get("delta");
    }

    static String finish(ObjectNode chunk) {
        return chunk.get("choices").get(0).get("finish_reason").asString(null);
    }

    @Test
    void textAndAFunctionCallInOneChunkAreBothRead() throws Exception {
        List<ObjectNode> chunks = decode("""
                data: {"candidates": [{"content": {"parts": [{"text": "Checking "}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 40,"totalTokenCount": 40},"modelVersion": "gemini-2.5-flash","responseId": "qN5qaJ3fKo"}

                data: {"candidates": [{"content": {"parts": [{"text": "the weather."},{"functionCall": {"name": "get_weather","args": {"city": "Paris"}},"thoughtSignature": "CpcCAdHtim9+"}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 40,"candidatesTokenCount": 22,"totalTokenCount": 62},"modelVersion": "gemini-2.5-flash","responseId": "qN5qaJ3fKo"}

                """);

        assertThat(chunks).hasSize(5);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.get("id").asString()).isEqualTo("qN5qaJ3fKo");
            assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("model").asString()).isEqualTo("gemini-2.5-flash");
        });
        assertThat(delta(chunks.get(0))).isEqualTo(json("{\"role\": \"assistant\", \"content\": \"Checking \"}"));
        assertThat(delta(chunks.get(1))).isEqualTo(json("{\"content\": \"the weather.\"}"));
        JsonNode call = delta(chunks.get(2)).get("tool_calls").get(0);
        assertThat(call.get("index").asInt()).isZero();
        assertThat(call.get("type").asString()).isEqualTo("function");
        assertThat(call.get("function")).isEqualTo(json("{\"name\": \"get_weather\", \"arguments\": \"{\\\"city\\\":\\\"Paris\\\"}\"}"));
        assertThat(ToolCallIds.signature(call.get("id").asString())).isEqualTo("CpcCAdHtim9+");
        assertThat(finish(chunks.get(2))).isNull();
        assertThat(delta(chunks.get(3))).isEqualTo(json("{}"));
        assertThat(finish(chunks.get(3))).isEqualTo("tool_calls");
        assertThat(chunks.get(4).get("choices")).isEmpty();
        assertThat(GeminiAnswerTest.written(chunks.get(4).get("usage")))
                .isEqualTo(json("{\"prompt_tokens\": 40, \"completion_tokens\": 22, \"total_tokens\": 62}"));
        assertThat(decoder.finished()).isTrue();
    }

    @Test
    void severalFunctionCallsAreNumberedAcrossChunks() throws Exception {
        List<ObjectNode> chunks = decode("""
                data: {"candidates": [{"content": {"parts": [{"functionCall": {"name": "get_weather","args": {"city": "Paris"}}},{"functionCall": {"name": "get_weather","args": {"city": "Rome"}}}],"role": "model"},"index": 0}],"modelVersion": "gemini-2.0-flash","responseId": "r-1"}

                data: {"candidates": [{"content": {"parts": [{"functionCall": {"name": "get_time","args": {}}}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 30,"candidatesTokenCount": 15,"totalTokenCount": 45},"modelVersion": "gemini-2.0-flash","responseId": "r-1"}
                """);

        List<JsonNode> calls = chunks.stream().filter(chunk -> !chunk.get("choices").isEmpty())
                .map(GeminiStreamDecoderTest::delta).filter(delta -> delta.has("tool_calls"))
                .map(delta -> delta.get("tool_calls").get(0)).toList();
        assertThat(calls).extracting(call -> call.get("index").asInt()).containsExactly(0, 1, 2);
        assertThat(calls).extracting(call -> call.get("function").get("name").asString())
                .containsExactly("get_weather", "get_weather", "get_time");
        assertThat(calls).extracting(call -> call.get("id").asString()).doesNotHaveDuplicates();
        assertThat(calls.get(2).get("function").get("arguments").asString()).isEqualTo("{}");
        assertThat(delta(chunks.get(0)).get("role").asString()).isEqualTo("assistant");
        assertThat(delta(chunks.get(1)).has("role")).isFalse();
        assertThat(finish(chunks.get(3))).isEqualTo("tool_calls");
    }

    @Test
    void aStreamWithoutUsageEndsWithoutAUsageChunk() throws Exception {
        List<ObjectNode> chunks = decode("""
                data: {"candidates": [{"content": {"parts": [{"text": "Hello"}],"role": "model"},"index": 0}],"modelVersion": "gemini-2.5-flash","responseId": "r-2"}

                data: {"candidates": [{"content": {"parts": [{"text": " there"}],"role": "model"},"finishReason": "STOP","index": 0}],"modelVersion": "gemini-2.5-flash","responseId": "r-2"}
                """);

        assertThat(chunks).hasSize(3);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.has("usage")).isFalse());
        assertThat(finish(chunks.get(2))).isEqualTo("stop");
        assertThat(decoder.usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void maxTokensFinishesWithLengthAndTheLastUsageWins() throws Exception {
        List<ObjectNode> chunks = decode("""
                data: {"candidates": [{"content": {"parts": [{"text": "Once upon"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 5,"candidatesTokenCount": 2,"totalTokenCount": 7},"modelVersion": "gemini-2.5-flash","responseId": "r-3"}

                data: {"candidates": [{"content": {"parts": [{"text": " a time"}],"role": "model"},"finishReason": "MAX_TOKENS","index": 0}],"usageMetadata": {"promptTokenCount": 5,"candidatesTokenCount": 4,"totalTokenCount": 9},"modelVersion": "gemini-2.5-flash","responseId": "r-3"}
                """);

        assertThat(finish(chunks.get(2))).isEqualTo("length");
        assertThat(decoder.usage().output()).isEqualTo(4L);
        assertThat(chunks.get(3).get("usage").get("completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void thoughtPartsAreReasoningNotContent() throws Exception {
        List<ObjectNode> chunks = decode("""
                data: {"candidates": [{"content": {"parts": [{"text": "**Planning** the answer","thought": true}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 9,"totalTokenCount": 109,"thoughtsTokenCount": 100},"modelVersion": "gemini-2.5-pro","responseId": "r-4"}

                data: {"candidates": [{"content": {"parts": [{"text": "more thought","thought": true},{"text": "Answer."}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 9,"candidatesTokenCount": 2,"totalTokenCount": 131,"thoughtsTokenCount": 120},"modelVersion": "gemini-2.5-pro","responseId": "r-4"}
                """);

        assertThat(delta(chunks.get(0))).isEqualTo(json("{\"role\": \"assistant\", \"reasoning_content\": \"**Planning** the answer\"}"));
        assertThat(delta(chunks.get(1))).isEqualTo(json("{\"reasoning_content\": \"more thought\"}"));
        assertThat(delta(chunks.get(2))).isEqualTo(json("{\"content\": \"Answer.\"}"));
        assertThat(finish(chunks.get(3))).isEqualTo("stop");
        assertThat(decoder.usage()).extracting(Usage::input, Usage::output, Usage::reasoning).containsExactly(9L, 122L, 120L);
    }

    @Test
    void anErrorChunkIsAStreamError() {
        decoder.onEvent(SseEvent.data("""
                {"candidates": [{"content": {"parts": [{"text": "Hel"}],"role": "model"},"index": 0}],"modelVersion": "gemini-2.5-flash","responseId": "r-5"}
                """));

        assertThatThrownBy(() -> decoder.onEvent(SseEvent.data("""
                {"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}
                """))).isInstanceOfSatisfying(StreamError.class, e -> {
                    assertThat(e.type()).isEqualTo("UNAVAILABLE");
                    assertThat(e.getMessage()).isEqualTo("The model is overloaded. Please try again later.");
                });
        assertThat(decoder.finished()).isFalse();
    }

    @Test
    void aStreamCutBeforeAFinishReasonIsNotFinished() {
        List<ObjectNode> chunks = decoder.onEvent(SseEvent.data("""
                {"candidates": [{"content": {"parts": [{"text": "Hel"}],"role": "model"},"index": 0}],"modelVersion": "gemini-2.5-flash"}
                """));

        assertThat(decoder.finished()).isFalse();
        assertThat(chunks.get(0).get("id").asString()).matches("chatcmpl-[A-Za-z0-9]{29}");
    }
}
