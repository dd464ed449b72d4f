package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/embeddings} through openai-java, to an OpenAI-compatible upstream and to Gemini. */
@QuartermasterTest
class EmbeddingsTest {

    @Test
    void anOpenAiCompatibleUpstreamGetsTheRequestAsItCame(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.of(api, "openai_like", "/v1", "free", "[\"embeddings\"]")) {
            gw.upstream.replying(r -> r.path().equals("/v1/embeddings") ? Reply.json(200, """
                    {"object": "list", "model": "up-embed", "data": [{"object": "embedding", "index": 0, "embedding": [0.5, -0.25]}],
                     "usage": {"prompt_tokens": 2, "total_tokens": 2}}""") : Reply.json(404, "{}"));

            CreateEmbeddingResponse answer = client(api, gw).embeddings().create(EmbeddingCreateParams.builder()
                    .model(gw.model).input("hello").build());

            assertThat(answer.data().getFirst().embedding()).containsExactly(0.5f, -0.25f);
            assertThat(answer.usage().promptTokens()).isEqualTo(2);
            assertThat(TestApi.json(gw.upstream.lastRequest().body()).get("model").stringValue()).isEqualTo(gw.model);
            assertThat(gw.upstream.lastRequest().header("Authorization")).isEqualTo("Bearer " + gw.managedKey);
        }
    }

    @Test
    void geminiGetsABatchAndAChatModelIsRefused(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.of(api, "gemini", "", "free", "[\"embeddings\"]");
             GatewayFixture chat = GatewayFixture.of(api, "gemini", "", "free", "[\"chat\"]")) {
            gw.upstream.replying(r -> r.path().endsWith(":batchEmbedContents") && gw.managedKey.equals(r.header("x-goog-api-key"))
                    ? Reply.json(200, "{\"embeddings\": [{\"values\": [0.1, 0.2]}, {\"values\": [0.3, 0.4]}]}")
                    : Reply.json(400, "{\"error\": {\"message\": \"unexpected " + r.path() + "\"}}"));

            TestResponse answer = gw.as(api).post("/v1/embeddings",
                    "{\"model\": \"" + gw.model + "\", \"input\": [\"a\", \"b\"]}");
            TestResponse refused = chat.as(api).post("/v1/embeddings", "{\"model\": \"" + chat.model + "\", \"input\": \"a\"}");

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().at("/data/1/embedding/1").doubleValue()).isEqualTo(0.4);
            assertThat(answer.json().at("/data/1/index").intValue()).isEqualTo(1);
            assertThat(TestApi.json(gw.upstream.lastRequest().body()).get("requests")).hasSize(2);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().at("/error/param").stringValue()).isEqualTo("model");
        }
    }

    private static OpenAIClient client(TestApi api, GatewayFixture gw) {
        return OpenAIOkHttpClient.builder().baseUrl(api.base() + "/v1").apiKey(gw.user.key()).maxRetries(0).build();
    }
}
