package dev.quartermaster.providers;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.providers.profile.KeyChange;
import dev.quartermaster.providers.profile.Profile;
import dev.quartermaster.providers.profile.ProfileService;
import dev.quartermaster.support.ProviderFakes;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import tools.jackson.databind.JsonNode;

/** Both surfaces over one store, with the field mapping of ARCHITECTURE.md, and an audit entry for each change. */
@QuartermasterTest
class OneStoreTest {

    @Autowired
    ProfileService profiles;

    @Test
    void aProfileMadeOnOneSurfaceShowsOnTheOther(TestApi server) {
        TestApi api = server.asAdmin();
        JsonNode made = api.post("/api/v1/system/ai/providers", """
                {"name": "shared", "apiBaseUrl": "https://api.anthropic.com", "apiKey": "sk-ant-0123456789abcdef",
                 "modelName": "claude-sonnet-4-5-20250929", "description": "both ways", "meta": {"team": "ml"}}
                """).json().get("data");

        JsonNode setting = api.get("/api/ai-settings/" + made.get("settingsId").longValue()).json();

        assertThat(setting.get("provider").stringValue()).isEqualTo("anthropic");
        assertThat(setting.get("model").stringValue()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(setting.get("base_url").stringValue()).isEqualTo("https://api.anthropic.com");
        assertThat(setting.get("name").stringValue()).isEqualTo("shared");
        assertThat(setting.get("token").stringValue()).isEqualTo("token is set");
        assertThat(setting.get("meta").get("team").stringValue()).isEqualTo("ml");
    }

    @Test
    void aSettingMadeOnTheOtherSurfaceShowsOnTheProviderSurface(TestApi server) {
        TestApi api = server.asAdmin();
        long number = api.post("/api/ai-settings", """
                {"provider": "gemini", "model": "gemini-2.5-pro", "token": "AIza-not-a-real-key-000000", "name": "G"}
                """).json().get("id").longValue();

        JsonNode profile = api.get("/api/v1/system/ai/providers").json().get("data").valueStream()
                .filter(p -> p.get("settingsId").longValue() == number).findFirst().orElseThrow();

        assertThat(profile.get("provider").stringValue()).isEqualTo("gemini");
        assertThat(profile.get("modelName").stringValue()).isEqualTo("gemini-2.5-pro");
        assertThat(profile.get("apiBaseUrl").isNull()).as("none was given").isTrue();
        assertThat(profile.get("resolvedApiBaseUrl").stringValue()).as("QM_PROVIDERS_GEMINI_BASE_URL")
                .isEqualTo(ProviderFakes.server().url() + "/gemini");
        assertThat(profile.get("hasApiKey").booleanValue()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"https://api.openai.com/v1,openai", "https://api.anthropic.com,anthropic",
            "https://generativelanguage.googleapis.com,gemini", "https://api.mistral.ai/v1,mistral",
            "http://gpu-box:11434,ollama", "https://llm.internal.example/v1,openai_like"})
    void withoutATypeTheProviderIsInferredFromTheBaseUrl(String baseUrl, String provider, TestApi api) {
        TestResponse created = api.asAdmin().post("/api/v1/system/ai/providers", """
                {"name": "inferred", "apiBaseUrl": "%s", "apiKey": "k", "modelName": "m"}""".formatted(baseUrl));

        assertThat(created.json().get("data").get("provider").stringValue()).isEqualTo(provider);
    }

    @Test
    void everyChangeIsAuditedWithoutSecretsAndOnlyForAuditors(TestApi server) {
        TestApi api = server.asAdmin();
        String id = api.post("/api/v1/system/ai/providers", """
                {"name": "audited", "apiBaseUrl": "https://api.mistral.ai/v1", "apiKey": "sk-audit-secret-value",
                 "modelName": "mistral-small"}""").json().get("data").get("id").stringValue();
        api.patch("/api/v1/system/ai/providers/" + id, "{\"modelName\": \"mistral-large\", \"isActive\": true,"
                + " \"apiKey\": \"sk-audit-secret-value-2\"}");
        api.delete("/api/v1/system/ai/providers/" + id);

        TestResponse audit = api.get("/api/v1/system/audit?targetType=provider_profile&targetId=" + id);

        JsonNode entries = audit.json().get("data");
        assertThat(entries.findValuesAsString("action")).containsExactly("delete", "update", "create");
        assertThat(entries.findValuesAsString("actorName")).containsOnly("admin");
        JsonNode update = entries.get(1).get("details");
        assertThat(update.get("model")).isEqualTo(TestApi.json("{\"from\": \"mistral-small\", \"to\": \"mistral-large\"}"));
        assertThat(update.get("apiKey").stringValue()).isEqualTo("replaced");
        assertThat(update.get("isActive").booleanValue()).isTrue();
        assertThat(audit.body()).doesNotContain("sk-audit-secret-value");
        TestApi nobody = server.withKey(TestUsers.create(server, "free", "aiProviders.read").key());
        assertThat(nobody.get("/api/v1/system/audit").status()).isEqualTo(403);
    }

    @Test
    void anUpdateBasedOnAStaleVersionIsRefusedNotMerged(TestApi server) {
        TestApi api = server.asAdmin();
        JsonNode created = api.post("/api/v1/system/ai/providers", """
                {"name": "v", "apiBaseUrl": "https://api.openai.com/v1", "apiKey": "k", "modelName": "gpt-4o"}
                """).json().get("data");
        UUID id = UUID.fromString(created.get("id").stringValue());
        Profile read = profiles.get(id);
        api.patch("/api/v1/system/ai/providers/" + id, "{\"name\": \"written meanwhile\"}");

        Throwable stale = catchThrowable(() -> profiles.update(id, read.version(), read.values(), KeyChange.KEEP, null,
                admin()));

        assertThat(stale).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(409);
            assertThat(e.problem().properties()).containsEntry("currentVersion", read.version() + 1);
        });
        assertThat(profiles.get(id).name()).isEqualTo("written meanwhile");
    }

    private Caller admin() {
        return new Caller(UUID.randomUUID(), "admin", "enterprise", Set.of(), Set.of());
    }
}
