package dev.quartermaster.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestCatalog;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code PUT /v1/ai/preferences/model}: 404 for an unknown model, 403 above the tier, else stored. */
@QuartermasterTest
class PreferredModelTest {

    /** Seed 000's example, as written, once its model is in the catalog. */
    @Test
    void theSeedsExampleStoresTheModel(TestApi api) {
        String value = "claude-sonnet-4-5-20250514";
        TestCatalog.create(api, value, "anthropic", "pro", true);
        TestApi pro = api.withKey(TestUsers.create(api, "pro").key());

        TestResponse set = pro.put("/v1/ai/preferences/model", "{\"model\": \"claude-sonnet-4-5-20250514\"}");
        JsonNode preferences = pro.get("/v1/ai/preferences").json();

        assertThat(set.status()).isEqualTo(200);
        assertThat(preferences.get("model").stringValue()).isEqualTo(value);
        assertThat(preferences.get("model_available").booleanValue()).isTrue();
        assertThat(preferences.get("budget").get("currency").stringValue()).isEqualTo("USD");
    }

    @Test
    void unknownIs404AboveTheTierIs403AndNothingChanges(TestApi api) {
        String allowed = Names.unique("small");
        String premium = Names.unique("premium");
        TestCatalog.create(api, allowed, "mistral", "free", true);
        TestCatalog.create(api, premium, "openai", "enterprise", true);
        TestApi free = api.withKey(TestUsers.create(api, "free").key());
        free.put("/v1/ai/preferences/model", "{\"model\": \"" + allowed + "\"}");

        TestResponse unknown = free.put("/v1/ai/preferences/model", "{\"model\": \"no-such-model\"}");
        TestResponse above = free.put("/v1/ai/preferences/model", "{\"model\": \"" + premium + "\"}");
        TestResponse missing = free.put("/v1/ai/preferences/model", "{}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(above.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(free.get("/v1/ai/preferences").json().get("model").stringValue()).isEqualTo(allowed);
    }

    @Test
    void aPreferredModelThatLeavesTheTierIsShownAsUnavailable(TestApi api) {
        String value = Names.unique("moving");
        String id = TestCatalog.create(api, value, "gemini", "free", true);
        TestApi free = api.withKey(TestUsers.create(api, "free").key());
        free.put("/v1/ai/preferences/model", "{\"model\": \"" + value + "\"}");

        TestCatalog.update(api, id, "\"tier\": \"pro\"");

        JsonNode preferences = free.get("/v1/ai/preferences").json();
        assertThat(preferences.get("model").stringValue()).isEqualTo(value);
        assertThat(preferences.get("model_available").booleanValue()).isFalse();
    }

    @Test
    void serviceInfoSaysWhatThisServerHas(TestApi api) {
        TestCatalog.create(api, Names.unique("info"), "ollama", "free", true);
        TestApi user = api.withKey(TestUsers.create(api, "free").key());

        JsonNode info = user.get("/v1/ai/info").json();

        assertThat(info.get("service").stringValue()).isEqualTo("quartermaster");
        assertThat(info.get("providers").findValuesAsString("provider"))
                .containsExactly("openai", "gemini", "mistral", "ollama", "anthropic", "openai_like");
        assertThat(info.get("models").get("available").intValue()).isPositive();
        assertThat(info.get("tools")).isEmpty();
        assertThat(info.get("flows")).isEmpty();
        assertThat(info.get("prompts")).isEmpty();
        assertThat(info.get("rag").get("enabled").booleanValue()).isFalse();
        JsonNode ollama = info.get("providers").valueStream()
                .filter(p -> p.get("provider").stringValue().equals("ollama")).findFirst().orElseThrow();
        assertThat(ollama.get("models").longValue()).isPositive();
    }
}
