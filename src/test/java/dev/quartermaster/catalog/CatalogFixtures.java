package dev.quartermaster.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.platform.Changes;
import dev.quartermaster.providers.ProviderProfiles;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Small factories for catalog tests: models, taxonomy entries and provider profiles with fresh names. */
final class CatalogFixtures {

    static final String MODELS = "/api/v5/artifacts/models/";

    private CatalogFixtures() {
    }

    /** Creates one model from the JSON of a create item and returns its result item. */
    static JsonNode create(TestApi api, String itemJson) {
        TestResponse response = api.post(MODELS + "create", "{\"models\": [" + itemJson + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json().get("results").get(0);
        assertThat(result.get("success").booleanValue()).as(response.body()).isTrue();
        return result;
    }

    static UUID createModel(TestApi api, String name, String value) {
        return id(create(api, "{\"name\": \"%s\", \"value\": \"%s\", \"provider\": \"openai\"}".formatted(name, value)),
                "model_id");
    }

    static UUID taxonomy(TestApi api, String kindPath, String name) {
        String body = kindPath.equals("pricing")
                ? "{\"name\": \"%s\", \"inputPricePerMillion\": 2.5, \"outputPricePerMillion\": 10, \"currency\": \"USD\"}"
                .formatted(name)
                : "{\"name\": \"%s\"}".formatted(name);
        TestResponse response = api.post("/api/v1/system/catalog/" + kindPath, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id(response.json().get("data"), "id");
    }

    /** A provider profile row as the providers module stores it (its admin surface is another module's). */
    static UUID profile(JdbcClient jdbc, Changes changes, String provider, String name) {
        UUID id = jdbc.sql("insert into provider_profiles (provider, name, model) values (?, ?, 'm') returning id")
                .params(provider, name).query(UUID.class).single();
        changes.publish(ProviderProfiles.TOPIC);
        return id;
    }

    static UUID id(JsonNode node, String field) {
        return UUID.fromString(node.get(field).stringValue());
    }
}
