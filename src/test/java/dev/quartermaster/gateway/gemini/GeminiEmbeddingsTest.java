package dev.quartermaster.gateway.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.core.ObjectMappers;
import com.openai.models.embeddings.Embedding;
import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.gateway.wire.Endpoint;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class GeminiEmbeddingsTest {

    static final Endpoint ENDPOINT = new Endpoint("https://generativelanguage.googleapis.com", "AIzaSy-secret", "gemini-embedding-001");
    static final String ANSWER = """
            {"embeddings": [{"values": [0.013168523, -0.008711934, 1.5]}, {"values": [-0.25, 0.5, 0.0]}]}
            """;
    final GeminiUpstream gemini = new GeminiUpstream();

    static ObjectNode json(String text) {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    static Embedding parsed(JsonNode item) throws Exception {
        return ObjectMappers.jsonMapper().readValue(Json.write(item), Embedding.class).validate();
    }

    @Test
    void inputsBecomeOneBatchRequestEach() {
        OutboundRequest request = gemini.embeddings(json("""
                {"model": "gemini-embedding-001", "input": ["first text", "second text"], "dimensions": 768, "encoding_format": "float"}
                """), ENDPOINT);

        assertThat(request.uri()).hasToString(
                "https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents");
        assertThat(request.headers()).isEqualTo(Map.of("x-goog-api-key", "AIzaSy-secret"));
        assertThat(Json.MAPPER.readTree(request.jsonBody())).isEqualTo(json("""
                {"requests": [
                  {"model": "models/gemini-embedding-001", "content": {"parts": [{"text": "first text"}]}, "outputDimensionality": 768},
                  {"model": "models/gemini-embedding-001", "content": {"parts": [{"text": "second text"}]}, "outputDimensionality": 768}]}
                """));
    }

    @Test
    void aSingleStringIsOneRequestWithoutDimensionality() {
        OutboundRequest request = gemini.embeddings(json("{\"model\": \"text-embedding-004\", \"input\": \"hello\"}"), ENDPOINT);

        assertThat(Json.MAPPER.readTree(request.jsonBody())).isEqualTo(json("""
                {"requests": [{"model": "models/text-embedding-004", "content": {"parts": [{"text": "hello"}]}}]}
                """));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[1, 2, 3]", "[[1, 2], [3]]", "[]", "42"})
    void tokenArraysAndOtherInputsAreRefused(String input) {
        ObjectNode request = json("{\"model\": \"gemini-embedding-001\"}");
        request.set("input", Json.MAPPER.readTree(input));

        assertThatThrownBy(() -> gemini.embeddings(request, ENDPOINT)).isInstanceOfSatisfying(WireException.class,
                e -> assertThat(e.param()).isEqualTo("input"));
    }

    @Test
    void theAnswerIsOpenAisListOfFloats() throws Exception {
        ObjectNode answer = gemini.embeddingsAnswer(json(ANSWER), json("{\"model\": \"gemini-embedding-001\", \"input\": [\"a\", \"b\"]}"));

        assertThat(answer).isEqualTo(json("""
                {"object": "list", "model": "gemini-embedding-001", "data": [
                  {"object": "embedding", "index": 0, "embedding": [0.013168523, -0.008711934, 1.5]},
                  {"object": "embedding", "index": 1, "embedding": [-0.25, 0.5, 0.0]}]}
                """));
        assertThat(answer.has("usage")).isFalse();
        assertThat(parsed(answer.get("data").get(1)).embedding()).containsExactly(-0.25f, 0.5f, 0.0f);
    }

    @Test
    void base64IsTheLittleEndianFloat32BytesAsOpenAiSendsThem() throws Exception {
        ObjectNode answer = gemini.embeddingsAnswer(json(ANSWER),
                json("{\"model\": \"gemini-embedding-001\", \"input\": [\"a\", \"b\"], \"encoding_format\": \"base64\"}"));

        String encoded = answer.get("data").get(0).get("embedding").asString();
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(12);
        assertThat(new float[] {bytes.getFloat(), bytes.getFloat(), bytes.getFloat()})
                .containsExactly(0.013168523f, -0.008711934f, 1.5f);
        // -0.25f, 0.5f, 0.0f as little-endian IEEE 754 single precision
        assertThat(answer.get("data").get(1).get("embedding").asString()).isEqualTo(Base64.getEncoder().encodeToString(
                new byte[] {0, 0, (byte) 0x80, (byte) 0xBE, 0, 0, 0, 0x3F, 0, 0, 0, 0}));
        assertThat(parsed(answer.get("data").get(0)).embeddingValue().asBase64()).isEqualTo(encoded);
    }

    @Test
    void aRequestWithoutModelOrEncodingGetsFloatsAndNoModel() {
        ObjectNode answer = gemini.embeddingsAnswer(json(ANSWER), json("{\"input\": \"a\"}"));

        assertThat(answer.has("model")).isFalse();
        assertThat(answer.get("data").get(0).get("embedding").isArray()).isTrue();
    }
}
