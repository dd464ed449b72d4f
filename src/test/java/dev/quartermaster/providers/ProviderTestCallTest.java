package dev.quartermaster.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.FakeServer.Recorded;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.FakeServer;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/system/ai/providers/test} against a fake of each provider that checks the
 * request shape the real provider expects, and against every way a provider can fail.
 */
@QuartermasterTest
class ProviderTestCallTest {

    private static final String KEY = "sk-test-canary-4242424242424242";
    private static final String PROMPT = "You are terse.";

    FakeServer fake;
    TestApi tester;

    @BeforeEach
    void setUp(TestApi api) {
        fake = new FakeServer();
        tester = api.withKey(TestUsers.create(api, "free", "aiProviders.update", "aiProviders.create").key());
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void openAiGetsChatCompletionsWithABearerKey() {
        fake.replying(r -> Reply.json(200, "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"Hello there!\"}}]}"));

        JsonNode result = test("openai", fake.url() + "/v1", "gpt-4o");

        Recorded request = fake.lastRequest();
        JsonNode body = TestApi.json(request.body());
        assertThat(result.get("succeeded").booleanValue()).isTrue();
        assertThat(result.get("caption").stringValue()).isEqualTo("Hello there!");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(body.get("model").stringValue()).isEqualTo("gpt-4o");
        assertThat(body.get("messages").get(0)).isEqualTo(TestApi.json("{\"role\": \"system\", \"content\": \"" + PROMPT + "\"}"));
        assertThat(body.get("messages").get(1).get("role").stringValue()).isEqualTo("user");
        assertThat(body.get("max_completion_tokens").intValue()).isPositive();
    }

    @ParameterizedTest
    @CsvSource({"mistral", "openai_like"})
    void mistralAndCompatibleServersGetChatCompletionsWithMaxTokens(String provider) {
        fake.replying(r -> Reply.json(200, "{\"choices\": [{\"message\": {\"content\": \"Hi\"}}]}"));

        JsonNode result = test(provider, fake.url() + "/v1", "mistral-small-latest");

        assertThat(result.get("succeeded").booleanValue()).isTrue();
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/chat/completions");
        assertThat(fake.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(TestApi.json(fake.lastRequest().body()).get("max_tokens").intValue()).isPositive();
    }

    @Test
    void anthropicGetsMessagesWithItsOwnHeaders() {
        fake.replying(r -> Reply.json(200, "{\"type\": \"message\", \"content\": [{\"type\": \"text\", \"text\": \"Hello!\"}]}"));

        JsonNode result = test("anthropic", fake.url(), "claude-sonnet-4-5-20250929");

        Recorded request = fake.lastRequest();
        JsonNode body = TestApi.json(request.body());
        assertThat(result.get("caption").stringValue()).isEqualTo("Hello!");
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(KEY);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("Authorization")).isNull();
        assertThat(body.get("system").stringValue()).isEqualTo(PROMPT);
        assertThat(body.get("max_tokens").intValue()).isPositive();
        assertThat(body.get("messages").get(0).get("role").stringValue()).isEqualTo("user");
    }

    @Test
    void geminiGetsGenerateContentWithItsKeyHeader() {
        fake.replying(r -> Reply.json(200, "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hi!\"}], \"role\": \"model\"}}]}"));

        JsonNode result = test("gemini", fake.url(), "gemini-2.0-flash");

        Recorded request = fake.lastRequest();
        JsonNode body = TestApi.json(request.body());
        assertThat(result.get("caption").stringValue()).isEqualTo("Hi!");
        assertThat(request.path()).isEqualTo("/v1beta/models/gemini-2.0-flash:generateContent");
        assertThat(request.header("x-goog-api-key")).isEqualTo(KEY);
        assertThat(body.get("contents").get(0).get("parts").get(0).has("text")).isTrue();
        assertThat(body.get("systemInstruction").get("parts").get(0).get("text").stringValue()).isEqualTo(PROMPT);
        assertThat(body.get("generationConfig").get("maxOutputTokens").intValue()).isPositive();
    }

    @Test
    void ollamaGetsItsChatEndpointWithoutAKey() {
        fake.replying(r -> Reply.json(200, "{\"message\": {\"role\": \"assistant\", \"content\": \"Hey\"}, \"done\": true}"));

        TestResponse tested = tester.post("/api/v1/system/ai/providers/test", """
                {"provider": "ollama", "apiBaseUrl": "%s", "modelName": "llama3.1", "defaultSystemPrompt": "%s"}
                """.formatted(fake.url(), PROMPT));

        Recorded request = fake.lastRequest();
        assertThat(tested.json().get("data").get("caption").stringValue()).isEqualTo("Hey");
        assertThat(request.path()).isEqualTo("/api/chat");
        assertThat(request.header("Authorization")).isNull();
        assertThat(TestApi.json(request.body()).get("stream").booleanValue()).isFalse();
    }

    @Test
    void aTestCallsSystemPromptAndModelNameAreBoundedAsAProfilesAre() {
        TestResponse tested = tester.post("/api/v1/system/ai/providers/test", """
                {"provider": "ollama", "apiBaseUrl": "%s", "modelName": "%s", "defaultSystemPrompt": "%s"}
                """.formatted(fake.url(), "m".repeat(256), "p".repeat(20_001)));

        assertThat(tested.status()).as(tested.body()).isEqualTo(400);
        assertThat(tested.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("defaultSystemPrompt", "modelName");
        assertThat(fake.requests()).as("nothing was sent").isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource(delimiter = '|', textBlock = """
            401 | {"error": {"message": "Incorrect API key provided: sk-test-****4242.", "type": "invalid_request_error"}} | HTTP 401 from openai: Incorrect API key provided: [redacted].
            404 | {"error": {"message": "The model `gpt-9` does not exist"}}                                                | HTTP 404 from openai: The model `gpt-9` does not exist
            429 | {"error": {"message": "Rate limit reached"}}                                                              | HTTP 429 from openai: Rate limit reached
            500 | <html>Internal Server Error</html>                                                                         | HTTP 500 from openai
            503 | {"error": {"message": "The key sk-test-canary-4242424242424242 is overloaded"}}                           | HTTP 503 from openai: The key [redacted] is overloaded
            """)
    void providerErrorsAreReportedNotRaised(int status, String body, String message) {
        fake.replying(r -> Reply.json(status, body));

        JsonNode result = test("openai", fake.url() + "/v1", "gpt-9");

        assertThat(result.get("succeeded").booleanValue()).isFalse();
        assertThat(result.get("errorMessage").stringValue()).isEqualTo(message);
        assertThat(result.toString()).doesNotContain(KEY);
    }

    @Test
    void garbageFromTheProviderIsAFailure() {
        fake.replying(r -> new Reply(200, "<html>hello</html>", java.util.Map.of(), 0));

        JsonNode result = test("openai", fake.url() + "/v1", "gpt-4o");

        assertThat(result.get("succeeded").booleanValue()).isFalse();
        assertThat(result.get("errorMessage").stringValue()).contains("not in the openai format");
    }

    @Test
    void aSlowProviderTimesOut() {
        fake.replying(r -> Reply.json(200, "{}").delayed(4000));

        JsonNode result = test("openai", fake.url() + "/v1", "gpt-4o");

        assertThat(result.get("succeeded").booleanValue()).isFalse();
        assertThat(result.get("errorMessage").stringValue()).contains("no answer from 127.0.0.1:" + fake.port());
    }

    @Test
    void aRefusedConnectionAndABrokenTlsHandshakeAreFailures() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        JsonNode refused = test("openai", "http://127.0.0.1:" + closed + "/v1", "gpt-4o");
        JsonNode tls = test("openai", "https://127.0.0.1:" + fake.port() + "/v1", "gpt-4o");

        assertThat(refused.get("errorMessage").stringValue()).contains("connection refused");
        assertThat(tls.get("succeeded").booleanValue()).isFalse();
    }

    @Test
    void aSavedProfileIsTheBaseAndRequestFieldsOverrideIt(TestApi api) {
        fake.replying(r -> Reply.json(200, "{\"choices\": [{\"message\": {\"content\": \"ok\"}}]}"));
        JsonNode profile = tester.post("/api/v1/system/ai/providers", """
                {"name": "saved", "provider": "openai", "apiBaseUrl": "%s/v1", "apiKey": "%s", "modelName": "gpt-4o",
                 "defaultSystemPrompt": "%s"}""".formatted(fake.url(), KEY, PROMPT)).json().get("data");

        TestResponse tested = tester.post("/api/v1/system/ai/providers/test", """
                {"profileId": "%s", "modelName": "gpt-4o-mini", "apiKey": "%s"}
                """.formatted(profile.get("id").stringValue(), profile.get("apiKey").stringValue()));

        JsonNode result = tested.json().get("data");
        assertThat(result.get("resolvedModelName").stringValue()).isEqualTo("gpt-4o-mini");
        assertThat(result.get("resolvedApiBaseUrl").stringValue()).isEqualTo(fake.url() + "/v1");
        assertThat(fake.lastRequest().header("Authorization")).as("the mask stands for the stored key")
                .isEqualTo("Bearer " + KEY);
        assertThat(TestApi.json(fake.lastRequest().body()).get("messages").get(0).get("content").stringValue())
                .isEqualTo(PROMPT);
        TestResponse audit = api.asAdmin().get("/api/v1/system/audit?targetType=provider_profile&targetId="
                + profile.get("id").stringValue());
        JsonNode entry = audit.json().get("data").get(0);
        assertThat(entry.get("action").stringValue()).isEqualTo("test");
        assertThat(entry.get("details").get("succeeded").booleanValue()).isTrue();
        assertThat(entry.get("details").get("resolvedModelName").stringValue()).isEqualTo("gpt-4o-mini");
        assertThat(audit.body()).doesNotContain(KEY);
    }

    @Test
    void anAdHocTestNeedsABaseUrlAKeyAndAModel() {
        TestResponse refused = tester.post("/api/v1/system/ai/providers/test", "{}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("apiBaseUrl", "apiKey", "modelName");
        assertThat(tester.post("/api/v1/system/ai/providers/test",
                "{\"profileId\": \"00000000-0000-0000-0000-000000000099\"}").status()).isEqualTo(404);
    }

    @Test
    void testCallsAreLimitedPerCaller() {
        fake.replying(r -> Reply.json(200, "{\"choices\": [{\"message\": {\"content\": \"ok\"}}]}"));
        for (int i = 0; i < 20; i++) {
            assertThat(test("openai", fake.url() + "/v1", "gpt-4o").get("succeeded").booleanValue()).isTrue();
        }

        TestResponse limited = tester.post("/api/v1/system/ai/providers/test", """
                {"apiBaseUrl": "%s/v1", "apiKey": "k", "modelName": "m"}""".formatted(fake.url()));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(fake.requests()).hasSize(20);
    }

    private JsonNode test(String provider, String baseUrl, String model) {
        TestResponse tested = tester.post("/api/v1/system/ai/providers/test", """
                {"provider": "%s", "apiBaseUrl": "%s", "apiKey": "%s", "modelName": "%s", "defaultSystemPrompt": "%s"}
                """.formatted(provider, baseUrl, KEY, model, PROMPT));
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        return tested.json().get("data");
    }
}
