package dev.quartermaster.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.FakeServer.Recorded;
import dev.quartermaster.support.ProviderFakes;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers.TestUser;
import dev.quartermaster.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /v1/ai/keys}: BYOK keys sealed, validated against the providers' endpoints, and strictly one user's own. */
@QuartermasterTest
@ExtendWith(OutputCaptureExtension.class)
class ByokKeysTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeyResolver resolver;

    TestUser alice;
    TestApi asAlice;

    @BeforeEach
    void setUp(TestApi api) {
        alice = TestUsers.create(api, "free");
        asAlice = api.withKey(alice.key());
    }

    @Test
    void theSeedsExamplesStoreListAndDelete(CapturedOutput output) {
        String key = "good-sk-" + UUID.randomUUID();

        TestResponse stored = asAlice.post("/v1/ai/keys", """
                {
                    "provider": "openai",
                    "api_key": "%s",
                    "validate": true
                  }""".formatted(key));
        TestResponse listed = asAlice.get("/v1/ai/keys");

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(listed.json().get("keys").get(0).propertyNames()).containsExactly("provider", "created_at", "valid");
        assertThat(listed.json().get("keys").get(0).get("provider").stringValue()).isEqualTo("openai");
        assertThat(listed.json().get("keys").get(0).get("valid").booleanValue()).isTrue();
        assertThat(listed.json().get("keys").get(0).get("created_at").stringValue())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(stored.body() + listed.body() + output.getAll()).doesNotContain(key);
        assertThat(jdbc.sql("select count(*) from vault_secrets v where v::text like ?").param("%" + key + "%")
                .query(Long.class).single()).isZero();

        assertThat(asAlice.delete("/v1/ai/keys/openai").status()).isEqualTo(204);
        assertThat(asAlice.delete("/v1/ai/keys/openai").status()).isEqualTo(404);
        assertThat(asAlice.get("/v1/ai/keys").json().get("keys")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai,/openai/v1/models,Authorization,Bearer KEY", "mistral,/mistral/v1/models,Authorization,Bearer KEY",
            "anthropic,/anthropic/v1/models,x-api-key,KEY", "gemini,/gemini/v1beta/models,x-goog-api-key,KEY"})
    void validationMakesOneRealRequestInTheProvidersProtocol(String provider, String path, String header, String value) {
        String key = "good-" + UUID.randomUUID();

        TestResponse stored = asAlice.post("/v1/ai/keys",
                "{\"provider\": \"" + provider + "\", \"api_key\": \"" + key + "\", \"validate\": true}");

        Recorded request = ProviderFakes.server().requests().stream()
                .filter(r -> key.equals(r.header(header)) || ("Bearer " + key).equals(r.header(header)))
                .findFirst().orElseThrow();
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.header(header)).isEqualTo(value.replace("KEY", key));
    }

    @Test
    void aKeyTheProviderRefusesIsNotStored() {
        TestResponse refused = asAlice.post("/v1/ai/keys",
                "{\"provider\": \"anthropic\", \"api_key\": \"bad-key-0123456789\", \"validate\": true}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo("api_key");
        assertThat(refused.json().get("detail").stringValue()).isEqualTo("api_key: the provider refused this key; nothing was stored");
        assertThat(refused.body()).as("nothing of the provider's answer").doesNotContain("invalid x-api-key")
                .doesNotContain("401").doesNotContain("bad-key-0123456789");
        assertThat(rows(alice.id())).isZero();
    }

    @Test
    void aProviderThatCannotAnswerStoresNothingEither() {
        TestResponse failed = asAlice.post("/v1/ai/keys",
                "{\"provider\": \"openai\", \"api_key\": \"down-key\", \"validate\": true}");

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.json().get("detail").stringValue())
                .isEqualTo("the provider could not be reached to validate the key; nothing was stored");
        assertThat(failed.body()).as("nothing of the provider's answer").doesNotContain("overloaded").doesNotContain("503");
        assertThat(rows(alice.id())).isZero();
    }

    @Test
    void storingAgainReplacesTheKey() {
        asAlice.post("/v1/ai/keys", "{\"provider\": \"gemini\", \"api_key\": \"first-key\"}");

        TestResponse replaced = asAlice.post("/v1/ai/keys", "{\"provider\": \"gemini\", \"api_key\": \"good-second\", \"validate\": true}");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(rows(alice.id())).isEqualTo(1);
        KeyResolution resolution = resolver.resolve(alice.id(), "free", dev.quartermaster.providers.ProviderType.GEMINI);
        assertThat(resolver.openKey(alice.id(), resolution)).contains("good-second");
    }

    @Test
    void oneUserCanNeverSeeUseOrDeleteAnothersKey(TestApi api) {
        asAlice.post("/v1/ai/keys", "{\"provider\": \"mistral\", \"api_key\": \"alice-own-mistral-key\"}");
        TestUser bob = TestUsers.create(api, "free");
        TestApi asBob = api.withKey(bob.key());

        assertThat(asBob.get("/v1/ai/keys").json().get("keys")).isEmpty();
        assertThat(asBob.delete("/v1/ai/keys/mistral").status()).isEqualTo(404);
        assertThat(resolver.resolve(bob.id(), "free", dev.quartermaster.providers.ProviderType.MISTRAL))
                .isNotInstanceOf(KeyResolution.Byok.class);
        JsonNode bobsSources = asBob.get("/v1/ai/keys/sources").json();
        assertThat(bobsSources.toString()).doesNotContain("alice-own-mistral-key");
        assertThat(source(bobsSources, "mistral").get("byok").get("present").booleanValue()).isFalse();
        assertThat(rows(alice.id())).as("alice's key is still there").isEqualTo(1);
    }

    @Test
    void badInputIsAFieldError() {
        TestResponse refused = asAlice.post("/v1/ai/keys", "{\"provider\": \"cohere\", \"validate\": \"yes\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("provider", "api_key", "validate");
    }

    static JsonNode source(JsonNode sources, String provider) {
        return sources.get("providers").valueStream()
                .filter(p -> p.get("provider").stringValue().equals(provider)).findFirst().orElseThrow();
    }

    private long rows(UUID userId) {
        return jdbc.sql("select count(*) from byok_keys where user_id = ?").param(userId).query(Long.class).single();
    }
}
