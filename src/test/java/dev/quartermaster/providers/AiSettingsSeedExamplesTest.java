package dev.quartermaster.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The curl examples of seed 001, as written, with our host and a user of our own (`--user name:password`). */
@QuartermasterTest
class AiSettingsSeedExamplesTest {

    TestApi api;

    @BeforeEach
    void setUp(TestApi server) {
        TestApi admin = server.asAdmin();
        String username = Names.unique("cfadmin");
        admin.post("/api/v1/system/users", """
                {"username": "%s", "password": "a password long enough",
                 "permissions": ["aiProviders.read", "aiProviders.create", "aiProviders.update", "aiProviders.delete"]}
                """.formatted(username));
        api = server.withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":a password long enough").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void createGetListUpdateDeleteAsDocumented() {
        TestResponse created = api.post("/api/ai-settings", """
                {
                "provider": "openai",
                "model": "gpt-4",
                "token": "sk-proj-xxxxxxxxxxxxx",
                "name": "OpenAI GPT-4",
                "description": "Production OpenAI configuration"
                }""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().propertyNames()).containsExactly("id");
        long id = created.json().get("id").longValue();

        TestResponse got = api.get("/api/ai-settings/" + id);
        assertThat(got.status()).isEqualTo(200);
        JsonNode setting = got.json();
        assertThat(setting.propertyNames()).containsExactly("id", "provider", "model", "token", "base_url", "name",
                "description", "meta", "created_at", "updated_at");
        assertThat(setting.get("token").stringValue()).isEqualTo("token is set");
        assertThat(setting.get("base_url").isNull()).isTrue();
        assertThat(setting.get("meta").isObject()).isTrue();
        assertThat(setting.get("created_at").stringValue()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(got.body()).doesNotContain("sk-proj-xxxxxxxxxxxxx");

        TestResponse list = api.get("/api/ai-settings");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.json().findValues("id").stream().map(JsonNode::longValue)).contains(id);

        TestResponse updated = api.patch("/api/ai-settings/" + id, """
                {
                "provider": "openai",
                "model": "gpt-4-turbo",
                "token": "sk-proj-xxxxxxxxxxxxx",
                "name": "OpenAI GPT-4 Turbo",
                "description": "Updated to use GPT-4 Turbo model"
                }""");
        assertThat(updated.status()).isEqualTo(202);
        assertThat(api.get("/api/ai-settings/" + id).json().get("model").stringValue()).isEqualTo("gpt-4-turbo");

        assertThat(api.delete("/api/ai-settings/" + id).status()).isEqualTo(202);
        TestResponse gone = api.get("/api/ai-settings/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json()).as("the documented error shape, for a problem of no field")
                .isEqualTo(TestApi.json("{\"success\": false, \"errors\": [{\"field\": null, \"message\": \"Configuration not found\"}]}"));
        assertThat(api.delete("/api/ai-settings/" + id).status()).isEqualTo(404);
        assertThat(api.patch("/api/ai-settings/" + id, "{\"provider\": \"openai\", \"model\": \"x\"}").status())
                .isEqualTo(404);
    }

    @Test
    void theOllamaExampleNeedsNoToken() {
        TestResponse created = api.post("/api/ai-settings", """
                {
                "provider": "ollama",
                "model": "llama2",
                "base_url": "http://localhost:11434",
                "name": "Local Ollama",
                "description": "Local development LLM"
                }""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode setting = api.get("/api/ai-settings/" + created.json().get("id").longValue()).json();
        assertThat(setting.get("token").isNull()).isTrue();
        assertThat(setting.get("base_url").stringValue()).isEqualTo("http://localhost:11434");
    }

    @Test
    void theValidationErrorExampleHasTheDocumentedShape() {
        TestResponse refused = api.post("/api/ai-settings", "{\"provider\": \"openai\", \"model\": \"gpt-4\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().propertyNames()).containsExactly("success", "errors");
        assertThat(refused.json().get("success").booleanValue()).isFalse();
        assertThat(refused.json().get("errors")).hasSize(1);
        assertThat(refused.json().get("errors").get(0)).isEqualTo(TestApi.json("""
                {"field": "[token]", "message": "API Token is required for all providers except ollama"}"""));
    }
}
