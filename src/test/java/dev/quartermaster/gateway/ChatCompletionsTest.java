package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Await;
import dev.quartermaster.support.FakeServer.Recorded;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.ProviderFakes;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/chat/completions} to an OpenAI-compatible upstream: routing, keys, headers, streams, errors. */
@QuartermasterTest
class ChatCompletionsTest {

    private static final String HELLO = """
            {"model": "%s", "messages": [{"role": "user", "content": "Hi"}], "temperature": 0.2}""";

    @Test
    void aWholeAnswerComesFromTheModelsProfilePaidByItsManagedKey(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello there")));

            TestResponse answer = gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().at("/choices/0/message/content").stringValue()).isEqualTo("Hello there");
            assertThat(answer.json().get("id").stringValue()).isEqualTo("chatcmpl-up123");
            assertThat(answer.header("x-quartermaster-key-source")).isEqualTo("managed");
            assertThat(answer.header("x-quartermaster-provider")).isEqualTo("openai_like");
            assertThat(answer.header("x-request-id")).startsWith("req_");
            Recorded sent = gw.upstream.lastRequest();
            assertThat(sent.path()).isEqualTo("/v1/chat/completions");
            assertThat(sent.header("Authorization")).isEqualTo("Bearer " + gw.managedKey);
            JsonNode body = TestApi.json(sent.body());
            assertThat(body.get("model").stringValue()).isEqualTo(gw.model);
            assertThat(body.get("temperature").doubleValue()).isEqualTo(0.2);
            assertThat(body.has("stream_options")).isFalse();
            assertThat(answer.body()).doesNotContain(gw.managedKey);
        }
    }

    @Test
    void aStreamAsksForUsageUpstreamButPassesItOnOnlyWhenTheClientAsked(TestApi api) throws Exception {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.events(OpenAiStreams.stream(gw.model, "Hel", "lo"), 0));

            String plain = gw.as(api).post("/v1/chat/completions", """
                    {"model": "%s", "stream": true, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(gw.model)).body();
            String withUsage = gw.as(api).post("/v1/chat/completions", """
                    {"model": "%s", "stream": true, "stream_options": {"include_usage": true},
                     "messages": [{"role": "user", "content": "Hi"}]}""".formatted(gw.model)).body();

            assertThat(TestApi.json(gw.upstream.requests().getFirst().body()).at("/stream_options/include_usage").booleanValue())
                    .isTrue();
            assertThat(plain).contains("\"Hel\"", "\"lo\"").doesNotContain("usage").endsWith("data: [DONE]\n\n");
            assertThat(withUsage).contains("\"usage\"", "\"completion_tokens\":2");
        }
    }

    @Test
    void mistralIsNotSentStreamOptionsAndOllamaIsCalledUnderV1(TestApi api) {
        try (GatewayFixture mistral = GatewayFixture.of(api, "mistral", "/v1", "free", "[\"chat\"]");
             GatewayFixture ollama = GatewayFixture.of(api, "ollama", "", "free", "[\"chat\"]")) {
            for (GatewayFixture gw : List.of(mistral, ollama)) {
                gw.upstream.replying(r -> Reply.events(OpenAiStreams.stream(gw.model, "ok"), 0));
                String answer = gw.as(api).post("/v1/chat/completions", """
                        {"model": "%s", "stream": true, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(gw.model)).body();
                assertThat(answer).contains("\"ok\"").endsWith("data: [DONE]\n\n");
                assertThat(gw.upstream.lastRequest().path()).isEqualTo("/v1/chat/completions");
            }

            assertThat(TestApi.json(mistral.upstream.lastRequest().body()).has("stream_options")).isFalse();
            assertThat(TestApi.json(ollama.upstream.lastRequest().body()).at("/stream_options/include_usage").booleanValue())
                    .isTrue();
        }
    }

    @Test
    void modelsTheCallerCannotSeeAreNotFoundAsOnTheModelList(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.of(api, "openai_like", "/v1", "pro", "[\"chat\"]")) {
            TestApi free = api.withKey(TestUsers.create(api, "free").key());

            TestResponse abovetier = free.post("/v1/chat/completions", HELLO.formatted(gw.model));
            TestResponse unknown = gw.as(api).post("/v1/chat/completions", HELLO.formatted("no-such-" + gw.model));

            for (TestResponse refused : List.of(abovetier, unknown)) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(404);
                assertThat(refused.json().at("/error/code").stringValue()).isEqualTo("model_not_found");
                assertThat(refused.json().at("/error/param").stringValue()).isEqualTo("model");
            }
            assertThat(gw.upstream.requests()).isEmpty();
        }
    }

    @Test
    void aTierWithoutManagedKeysAndNoOwnKeyIsRefusedSayingWhy(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            TestApi free = api.withKey(TestUsers.create(api, "free").key());

            TestResponse refused = free.post("/v1/chat/completions", HELLO.formatted(gw.model));

            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().at("/error/message").stringValue()).contains("may not use managed keys");
            assertThat(refused.json().at("/error/type").stringValue()).isEqualTo("permission_error");
        }
    }

    @Test
    void aUsersOwnKeyPaysAndGoesToItsProvidersDefaultEndpointNotTheProfilesHost(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.of(api, "openai", "/v1", "free", "[\"chat\"]")) {
            TestApi user = api.withKey(TestUsers.create(api, "free").key());
            String own = "good-byok-" + gw.model;
            assertThat(user.post("/v1/ai/keys", "{\"provider\": \"openai\", \"api_key\": \"" + own + "\"}").status()).isEqualTo(201);
            List<Recorded> calls = new ArrayList<>();
            ProviderFakes.onCall(r -> {
                calls.add(r);
                return Reply.json(200, OpenAiStreams.completion(gw.model, "from the default endpoint"));
            });

            TestResponse answer = user.post("/v1/chat/completions", HELLO.formatted(gw.model));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.header("x-quartermaster-key-source")).isEqualTo("byok");
            assertThat(calls).singleElement().satisfies(call -> {
                assertThat(call.path()).isEqualTo("/openai/v1/chat/completions");
                assertThat(call.header("Authorization")).isEqualTo("Bearer " + own);
            });
            assertThat(gw.upstream.requests()).isEmpty();
        }
    }

    @Test
    void aChatWithoutModelUsesThePreferredModelElseIsABadRequest(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "ok")));
            String noModel = "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";

            TestResponse before = gw.as(api).post("/v1/chat/completions", noModel);
            gw.as(api).put("/v1/ai/preferences/model", "{\"model\": \"" + gw.model + "\"}");
            TestResponse after = gw.as(api).post("/v1/chat/completions", noModel);

            assertThat(before.status()).as(before.body()).isEqualTo(400);
            assertThat(before.json().at("/error/param").stringValue()).isEqualTo("model");
            assertThat(after.status()).as(after.body()).isEqualTo(200);
            assertThat(TestApi.json(gw.upstream.lastRequest().body()).get("model").stringValue()).isEqualTo(gw.model);
        }
    }

    @Test
    void theProfilesDefaultSystemPromptIsSentWhenTheRequestHasNone(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            api.asAdmin().patch("/api/v1/system/ai/providers/" + gw.profileId, "{\"defaultSystemPrompt\": \"Be brief.\"}");
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "ok")));

            gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));
            JsonNode first = TestApi.json(gw.upstream.lastRequest().body()).get("messages");
            gw.as(api).post("/v1/chat/completions", """
                    {"model": "%s", "messages": [{"role": "system", "content": "Mine."}, {"role": "user", "content": "Hi"}]}
                    """.formatted(gw.model));
            JsonNode second = TestApi.json(gw.upstream.lastRequest().body()).get("messages");

            assertThat(first.get(0).get("content").stringValue()).isEqualTo("Be brief.");
            assertThat(first.get(1).get("content").stringValue()).isEqualTo("Hi");
            assertThat(second).hasSize(2);
            assertThat(second.get(0).get("content").stringValue()).isEqualTo("Mine.");
        }
    }

    @Test
    void anUpstreamErrorKeepsItsStatusAndLosesTheKeyItEchoed(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.json(400, "{\"error\": {\"message\": \"bad request for key " + gw.managedKey
                    + "\", \"type\": \"invalid_request_error\"}}"));

            TestResponse refused = gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().at("/error/message").stringValue()).contains("bad request for key").contains("[redacted]");
            assertThat(refused.body()).doesNotContain(gw.managedKey);
            assertThat(gw.upstream.requests()).hasSize(1);
        }
    }

    @Test
    void aFailedFirstAttemptIsRetriedBeforeAnyByteReachesTheClient(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            AtomicInteger calls = new AtomicInteger();
            gw.upstream.replying(r -> calls.incrementAndGet() == 1
                    ? Reply.json(503, "{\"error\": {\"message\": \"overloaded\"}}").withHeader("Retry-After", "0")
                    : Reply.json(200, OpenAiStreams.completion(gw.model, "second time")));

            TestResponse answer = gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().at("/choices/0/message/content").stringValue()).isEqualTo("second time");
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void aModelWithTwoProfilesFallsBackToTheSecondWhenTheFirstFails(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api);
             dev.quartermaster.support.FakeServer second = new dev.quartermaster.support.FakeServer()) {
            gw.upstream.replying(r -> Reply.json(503, "{\"error\": {\"message\": \"down\"}}"));
            second.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "from the second")));
            TestResponse profile = api.asAdmin().post("/api/v1/system/ai/providers", """
                    {"name": "%s", "provider": "openai_like", "apiBaseUrl": "%s/v1", "apiKey": "sk-second-key-0001",
                     "modelName": "%s"}""".formatted(dev.quartermaster.support.Names.unique("second"), second.url(), gw.model));
            String secondId = profile.json().at("/data/id").stringValue();
            dev.quartermaster.support.TestCatalog.update(api, gw.modelId,
                    "\"provider_ids\": [\"" + gw.profileId + "\", \"" + secondId + "\"]");

            TestResponse answer = gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().at("/choices/0/message/content").stringValue()).isEqualTo("from the second");
            assertThat(gw.upstream.requests()).hasSize(1);
            assertThat(second.lastRequest().header("Authorization")).isEqualTo("Bearer sk-second-key-0001");
        }
    }

    @Test
    void malformedBodiesAreBadRequestsInOpenAisShape(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            List<TestResponse> refused = List.of(
                    gw.as(api).post("/v1/chat/completions", "{not json"),
                    gw.as(api).post("/v1/chat/completions", "[1, 2]"),
                    gw.as(api).post("/v1/chat/completions", "{\"model\": \"" + gw.model + "\"}"),
                    gw.as(api).post("/v1/chat/completions", "{\"model\": 7, \"messages\": []}"),
                    gw.as(api).post("/v1/embeddings", "{\"model\": \"" + gw.model + "\", \"input\": \"x\"}"));

            assertThat(refused).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.json().at("/error/type").stringValue()).isEqualTo("invalid_request_error");
            });
            assertThat(refused.get(2).json().at("/error/param").stringValue()).isEqualTo("messages");
            assertThat(refused.get(4).json().at("/error/message").stringValue()).contains("does not offer embeddings");
            assertThat(gw.upstream.requests()).isEmpty();
        }
    }

    @Test
    void errorsBeforeTheControllerAndUnknownPathsSpeakEachRoutesDialect(TestApi api) {
        TestResponse noKey = api.post("/v1/chat/completions", "{}");
        TestResponse unknown = api.asAdmin().post("/v1/no-such-route", "{}");
        TestResponse anthropic = api.post("/v1/messages", "{}");

        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.json().at("/error/type").stringValue()).isEqualTo("authentication_error");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/error/message").isString()).as(unknown.body()).isTrue();
        assertThat(anthropic.status()).isEqualTo(401);
        assertThat(anthropic.json().get("type").stringValue()).isEqualTo("error");
        assertThat(anthropic.json().at("/error/type").stringValue()).isEqualTo("authentication_error");
    }

    @Test
    void aStreamThatBreaksOffOrFailsAfterItBeganEndsWithTheDialectsErrorEvent(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            String request = """
                    {"model": "%s", "stream": true, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(gw.model);
            gw.upstream.replying(r -> Reply.events(java.util.List.of(
                    OpenAiStreams.chunk(gw.model, "{\"content\": \"Hel\"}", null)), 0));
            String truncated = gw.as(api).post("/v1/chat/completions", request).body();
            gw.upstream.replying(r -> Reply.events(java.util.List.of(
                    OpenAiStreams.chunk(gw.model, "{\"content\": \"Hel\"}", null),
                    "data: {\"error\": {\"message\": \"overloaded, key " + gw.managedKey + "\", \"type\": \"server_error\"}}\n\n"), 0));
            String failed = gw.as(api).post("/v1/chat/completions", request).body();

            assertThat(truncated).contains("\"Hel\"").contains("\"error\"").contains("ended the stream before")
                    .doesNotContain("[DONE]");
            assertThat(failed).contains("overloaded, key [redacted]").doesNotContain(gw.managedKey).doesNotContain("[DONE]");
        }
    }

    @Test
    void aClientThatDisconnectsMidStreamCancelsTheUpstreamCall(TestApi api) throws Exception {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.events(OpenAiStreams.words(gw.model, 100), 50));
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + gw.user.key()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model": "%s", "stream": true, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(gw.model)))
                    .build();
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    assertThat(new String(body.readNBytes(40))).startsWith("data: ");
                }
            }

            assertThat(Await.until(() -> gw.upstream.abortedStreams() == 1, Duration.ofSeconds(10))).isTrue();
        }
    }
}
