package dev.quartermaster.support;

import static org.assertj.core.api.Assertions.assertThat;


/** Puts models into the catalog through its own surface; {@link Names#unique} makes fresh values. */
public final class TestCatalog {

    private TestCatalog() {
    }

    /** Creates a model and returns its model_id. */
    public static String create(TestApi api, String value, String provider, String tier, boolean active) {
        TestResponse created = api.asAdmin().post("/api/v5/artifacts/models/create", """
                {"models": [{"name": "%s", "value": "%s", "provider": "%s", "tier": "%s", "active": %s,
                             "capabilities": ["chat", "code"], "context_window": 128000}]}
                """.formatted(value.toUpperCase(), value, provider, tier, active));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("results").get(0).get("success").booleanValue()).as(created.body()).isTrue();
        return created.json().get("results").get(0).get("model_id").stringValue();
    }

    public static void update(TestApi api, String modelId, String fieldsJson) {
        TestResponse updated = api.asAdmin().post("/api/v5/artifacts/models/update",
                "{\"models\": [{\"model_id\": \"" + modelId + "\", " + fieldsJson + "}]}");
        assertThat(updated.json().get("results").get(0).get("success").booleanValue()).as(updated.body()).isTrue();
    }
}
