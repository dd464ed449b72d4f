package dev.quartermaster.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestUsers.TestUser;
import dev.quartermaster.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /v1/ai/keys/sources}: BYOK > managed (if the tier allows) > not available, per provider. */
@QuartermasterTest
class KeySourcesTest {

    TestApi admin;

    @BeforeEach
    void setUp(TestApi api) {
        admin = api.asAdmin();
        admin.get("/api/v1/system/ai/providers").json().get("data").valueStream()
                .filter(p -> p.get("provider").stringValue().equals("openai_like"))
                .forEach(p -> admin.delete("/api/v1/system/ai/providers/" + p.get("id").stringValue()));
    }

    @Test
    void withNeitherKeyNothingIsAvailable(TestApi api) {
        JsonNode sources = sourcesOf(TestUsers.create(api, "enterprise"));

        JsonNode openaiLike = ByokKeysTest.source(sources, "openai_like");
        assertThat(openaiLike.get("effective").stringValue()).isEqualTo("none");
        assertThat(openaiLike.get("managed").get("available").booleanValue()).isFalse();
        assertThat(sources.get("hierarchy").toString()).isEqualTo("[\"byok\",\"managed\",\"none\"]");
        assertThat(sources.get("providers")).hasSize(6);
    }

    @Test
    void aManagedKeyServesTiersThatAllowItAndYourOwnKeyComesFirst(TestApi api) {
        admin.post("/api/v1/system/ai/providers", """
                {"name": "managed", "provider": "openai_like", "apiBaseUrl": "https://llm.example.com/v1",
                 "apiKey": "managed-key", "modelName": "m"}""");
        TestUser pro = TestUsers.create(api, "pro");
        TestUser free = TestUsers.create(api, "free");

        JsonNode proSource = ByokKeysTest.source(sourcesOf(pro), "openai_like");
        JsonNode freeSource = ByokKeysTest.source(sourcesOf(free), "openai_like");
        api.withKey(free.key()).post("/v1/ai/keys", "{\"provider\": \"openai_like\", \"api_key\": \"own\"}");
        JsonNode freeWithOwnKey = ByokKeysTest.source(sourcesOf(free), "openai_like");

        assertThat(proSource.get("effective").stringValue()).isEqualTo("managed");
        assertThat(freeSource.get("effective").stringValue()).isEqualTo("none");
        assertThat(freeSource.get("managed").get("available").booleanValue()).isTrue();
        assertThat(freeSource.get("managed").get("allowed_by_tier").booleanValue()).isFalse();
        assertThat(freeSource.get("reason").stringValue()).contains("tier free");
        assertThat(freeWithOwnKey.get("effective").stringValue()).isEqualTo("byok");
        assertThat(freeWithOwnKey.get("byok").get("present").booleanValue()).isTrue();
        assertThat(freeWithOwnKey.get("byok").get("valid").isNull()).as("stored without a check").isTrue();
    }

    @Test
    void theTiersLimitsAreShown(TestApi api) {
        JsonNode sources = sourcesOf(TestUsers.create(api, "pro"));

        assertThat(sources.get("tier").get("name").stringValue()).isEqualTo("pro");
        assertThat(sources.get("tier").get("managed_keys").booleanValue()).isTrue();
        assertThat(sources.get("tier").get("budget").get("currency").stringValue()).isEqualTo("USD");
    }

    private JsonNode sourcesOf(TestUser user) {
        return admin.withKey(user.key()).get("/v1/ai/keys/sources").json();
    }
}
