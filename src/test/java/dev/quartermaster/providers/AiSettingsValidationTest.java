package dev.quartermaster.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Each rule of seed 001, on the AI-settings surface and in problem-details form on the provider surface. */
@QuartermasterTest
class AiSettingsValidationTest {

    private static final String LONG_256 = "m".repeat(256);

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown provider          | {"provider": "cohere", "model": "m", "token": "t"}                      | [provider]    | Provider must be one of: openai, gemini, mistral, ollama, anthropic, openai_like
            missing provider          | {"model": "m", "token": "t"}                                            | [provider]    | Provider is required
            missing model             | {"provider": "openai", "token": "t"}                                    | [model]       | Model is required
            model too long            | {"provider": "openai", "model": "LONG", "token": "t"}                   | [model]       | Model must be 1-255 characters
            missing token             | {"provider": "anthropic", "model": "m"}                                 | [token]       | API Token is required for all providers except ollama
            token too long            | {"provider": "openai", "model": "m", "token": "LONG"}                   | [token]       | API Token must be at most 255 characters
            ollama without base_url   | {"provider": "ollama", "model": "m"}                                    | [base_url]    | Base URL is required for ollama and openai_like providers
            openai_like w/o base_url  | {"provider": "openai_like", "model": "m", "token": "t"}                 | [base_url]    | Base URL is required for ollama and openai_like providers
            base_url not a URL        | {"provider": "openai", "model": "m", "token": "t", "base_url": "not a url"} | [base_url] | Base URL must be a valid URL
            base_url too long         | {"provider": "openai", "model": "m", "token": "t", "base_url": "http://x.io/LONGLONG"} | [base_url] | Base URL must be at most 500 characters
            name too long             | {"provider": "openai", "model": "m", "token": "t", "name": "LONG"}      | [name]        | Name must be 1-255 characters
            description too long      | {"provider": "openai", "model": "m", "token": "t", "description": "DESC"} | [description] | Description must be at most 4012 characters
            meta not scalar           | {"provider": "openai", "model": "m", "token": "t", "meta": {"a": [1]}}  | [meta]        | Meta value 'a' must be scalar (string, integer, float, boolean or null)
            meta not an object        | {"provider": "openai", "model": "m", "token": "t", "meta": [1]}         | [meta]        | Meta must be an object of key-value pairs
            model of the wrong type   | {"provider": "openai", "model": 7, "token": "t"}                        | [model]       | must be a string
            """)
    void eachRuleIsReportedOnItsField(String rule, String body, String field, String message, TestApi api) {
        long before = count();
        TestResponse refused = api.asAdmin().post("/api/ai-settings", body
                .replace("LONGLONG", "x".repeat(500)).replace("LONG", LONG_256).replace("DESC", "d".repeat(4013)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("success").booleanValue()).isFalse();
        assertThat(refused.json().get("errors")).containsExactly(TestApi.json(
                "{\"field\": \"" + field + "\", \"message\": \"" + message + "\"}"));
        assertThat(count()).as("nothing written").isEqualTo(before);
    }

    @Test
    void everyFailingFieldIsReportedOnce(TestApi api) {
        TestResponse refused = api.asAdmin().post("/api/ai-settings",
                "{\"provider\": \"cohere\", \"model\": \"\", \"name\": \"\", \"meta\": {\"x\": {}}}");

        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("[provider]", "[model]", "[token]", "[name]", "[meta]");
    }

    @Test
    void theBoundariesAreAccepted(TestApi api) {
        TestResponse created = api.asAdmin().post("/api/ai-settings", """
                {"provider": "openai_like", "model": "%s", "token": "%s", "base_url": "https://llm.example.com/%s",
                 "name": "%s", "description": "%s", "meta": {"s": "x", "i": 1, "f": 1.5, "b": true, "n": null}}
                """.formatted("m".repeat(255), "t".repeat(255), "p".repeat(500 - "https://llm.example.com/".length()),
                "n".repeat(255), "d".repeat(4012)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode meta = api.asAdmin().get("/api/ai-settings/" + created.json().get("id").longValue())
                .json().get("meta");
        assertThat(meta).isEqualTo(TestApi.json("{\"s\": \"x\", \"i\": 1, \"f\": 1.5, \"b\": true, \"n\": null}"));
    }

    @Test
    void anUpdateNeedsProviderAndModelAndKeepsTheStoredToken(TestApi server) {
        TestApi api = server.asAdmin();
        long id = api.post("/api/ai-settings", "{\"provider\": \"openai\", \"model\": \"gpt-4\", \"token\": \"sk-keep-me\"}")
                .json().get("id").longValue();

        TestResponse partial = api.patch("/api/ai-settings/" + id, "{\"name\": \"renamed\"}");
        TestResponse full = api.patch("/api/ai-settings/" + id, "{\"provider\": \"openai\", \"model\": \"gpt-4o\"}");

        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.json().get("errors").findValuesAsString("field")).containsExactly("[provider]", "[model]");
        assertThat(full.status()).isEqualTo(202);
        assertThat(api.get("/api/ai-settings/" + id).json().get("token").stringValue()).isEqualTo("token is set");
    }

    @Test
    void theProviderSurfaceReportsTheSameRulesAsProblemDetails(TestApi api) {
        TestResponse refused = api.asAdmin().post("/api/v1/system/ai/providers",
                "{\"name\": \"x\", \"apiBaseUrl\": \"https://api.anthropic.com\", \"modelName\": \"" + LONG_256 + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors")).containsExactlyInAnyOrderElementsOf(List.of(
                TestApi.json("{\"field\": \"modelName\", \"message\": \"Model must be 1-255 characters\"}"),
                TestApi.json("{\"field\": \"apiKey\", \"message\": \"API Token is required for all providers except ollama\"}")));
    }

    @Test
    void aBaseUrlTheEgressPolicyRefusesIsRefusedWhenSaved(TestApi api) {
        TestResponse refused = api.asAdmin().post("/api/ai-settings",
                "{\"provider\": \"openai_like\", \"model\": \"m\", \"token\": \"t\", \"base_url\": \"http://169.254.169.254/v1\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("message").stringValue()).startsWith("Base URL is not allowed");
    }

    private long count() {
        return jdbc.sql("select count(*) from provider_profiles").query(Long.class).single();
    }
}
