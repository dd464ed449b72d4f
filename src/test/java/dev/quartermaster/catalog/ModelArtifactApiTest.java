package dev.quartermaster.catalog;

import static dev.quartermaster.catalog.CatalogFixtures.MODELS;
import static dev.quartermaster.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.identity.Permissions;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.Race;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestSettings;
import dev.quartermaster.support.TestUsers;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@QuartermasterTest
class ModelArtifactApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Changes changes;

    TestApi admin;

    @BeforeEach
    void setUp(TestApi api) {
        admin = api.asAdmin();
    }

    @Test
    void createsAModelWithSectionsAndGetsItBackAsAForm() {
        UUID flag = CatalogFixtures.taxonomy(admin, "flags", unique("flag"));
        UUID price = CatalogFixtures.taxonomy(admin, "pricing", unique("price"));
        UUID profile = CatalogFixtures.profile(jdbc, changes, "anthropic", unique("profile"));
        String value = unique("claude");

        JsonNode created = CatalogFixtures.create(admin, """
                {"name": "Claude", "value": "%s", "provider_ids": ["%s"], "flag_ids": ["%s"], "pricing_ids": ["%s"],
                 "tier": "pro", "capabilities": ["chat", "vision"], "context_window": 200000}
                """.formatted(value, profile, flag, price));
        TestResponse got = admin.post(MODELS + "get", "{\"model_id\": \"" + created.get("model_id").stringValue() + "\"}");

        assertThat(created.get("version").intValue()).isEqualTo(1);
        assertThat(created.get("draft_id").isString()).isTrue();
        JsonNode form = got.json();
        assertThat(got.status()).isEqualTo(200);
        assertThat(form.get("model_exists").booleanValue()).isTrue();
        assertThat(form.get("can_edit").booleanValue()).isTrue();
        assertThat(form.get("values").get("value").stringValue()).isEqualTo(value);
        assertThat(form.get("providers").get("provider").stringValue()).as("derived from the profile").isEqualTo("anthropic");
        assertThat(form.get("providers").get("selected").get(0).get("id").stringValue()).isEqualTo(profile.toString());
        assertThat(form.get("flags").get("selected").findValuesAsString("id")).containsExactly(flag.toString());
        assertThat(form.get("flags").get("options").findValuesAsString("id")).contains(flag.toString());
        assertThat(form.get("pricing").get("selected").get(0).get("currency").stringValue()).isEqualTo("USD");
        assertThat(form.get("tier").get("selected").get(0).stringValue()).isEqualTo("pro");
        assertThat(form.get("tier").get("options").toString()).contains("\"free\"", "\"pro\"", "\"enterprise\"");
        assertThat(form.get("capabilities").get("selected").toString()).isEqualTo("[\"chat\",\"vision\"]");
        assertThat(form.get("context_window").intValue()).isEqualTo(200000);
    }

    @Test
    void anUnknownModelIsReportedAsNotExisting() {
        TestResponse got = admin.post(MODELS + "get", "{\"model_id\": \"" + UUID.randomUUID() + "\"}");

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("model_exists").booleanValue()).isFalse();
        assertThat(got.json().get("tier").get("options").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aBadItemFailsAloneWithItsFieldErrors() {
        String good = unique("good");
        String taken = unique("taken");
        CatalogFixtures.createModel(admin, "Taken", taken);

        TestResponse response = admin.post(MODELS + "create", """
                {"models": [
                  {"name": "Good", "value": "%s", "provider": "mistral"},
                  {"name": "", "value": "has space", "provider": "nope", "capabilities": ["telepathy"], "context_window": 0},
                  {"name": "Dup", "value": "%s", "provider": "openai"},
                  {"name": "Wrong type", "value": "x-%s", "provider": "openai", "context_window": "big"}
                ]}
                """.formatted(good, taken, good));

        JsonNode results = response.json().get("results");
        assertThat(response.status()).isEqualTo(200);
        assertThat(results.get(0).get("success").booleanValue()).isTrue();
        assertThat(results.get(1).get("success").booleanValue()).isFalse();
        assertThat(results.get(1).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "value", "provider", "capabilities[0]", "context_window");
        assertThat(results.get(2).get("errors").findValuesAsString("field")).containsExactly("value");
        assertThat(results.get(3).get("errors").findValuesAsString("field")).containsExactly("context_window");
        assertThat(count("select count(*) from catalog_models where value in (?, ?)", good, "x-" + good)).isEqualTo(1);
    }

    @Test
    void ofTenConcurrentCreatesOfOneValueExactlyOneSucceeds() throws InterruptedException {
        String value = unique("race");
        String body = "{\"models\": [{\"name\": \"Racer\", \"value\": \"%s\", \"provider\": \"openai\"}]}".formatted(value);

        List<JsonNode> results = Race.run(10, i -> () ->
                admin.post(MODELS + "create", body).json().get("results").get(0));

        assertThat(results).filteredOn(r -> r.get("success").booleanValue()).hasSize(1);
        assertThat(results).filteredOn(r -> !r.get("success").booleanValue())
                .allSatisfy(r -> assertThat(r.get("errors").findValuesAsString("field")).containsExactly("value"));
        assertThat(count("select count(*) from catalog_models where value = ?", value)).isEqualTo(1);
    }

    @Test
    void updateChangesOnlyTheFieldsSentAndChecksTheExpectedVersion() {
        UUID id = CatalogFixtures.createModel(admin, "Before", unique("upd"));

        TestResponse updated = admin.post(MODELS + "update", """
                {"models": [{"model_id": "%s", "name": "After", "expected_version": 1},
                            {"model_id": "%s", "description": "stale", "expected_version": 1},
                            {"model_id": "%s", "name": "ghost"}]}
                """.formatted(id, id, UUID.randomUUID()));

        JsonNode results = updated.json().get("results");
        assertThat(results.get(0).get("success").booleanValue()).as(updated.body()).isTrue();
        assertThat(results.get(0).get("version").intValue()).isEqualTo(2);
        assertThat(results.get(1).get("success").booleanValue()).as("made at a stale version").isFalse();
        assertThat(results.get(1).get("message").stringValue()).contains("version 2");
        assertThat(results.get(2).get("success").booleanValue()).isFalse();
        JsonNode form = admin.post(MODELS + "get", "{\"model_id\": \"" + id + "\"}").json();
        assertThat(form.get("names").get("value").stringValue()).isEqualTo("After");
        assertThat(form.get("descriptions").get("value").stringValue()).isEmpty();
        assertThat(form.get("providers").get("provider").stringValue()).isEqualTo("openai");
    }

    @Test
    void duplicateMakesDistinguishableCopies() {
        String value = unique("dup");
        UUID id = CatalogFixtures.createModel(admin, "Original " + value, value);

        TestResponse first = admin.post(MODELS + "duplicate", "{\"model_id\": \"" + id + "\"}");
        TestResponse second = admin.post(MODELS + "duplicate", "{\"model_id\": \"" + id + "\"}");

        assertThat(first.json().get("success").booleanValue()).isTrue();
        JsonNode copy = admin.post(MODELS + "get", "{\"model_id\": \"" + first.json().get("model_id").stringValue() + "\"}").json();
        JsonNode copy2 = admin.post(MODELS + "get", "{\"model_id\": \"" + second.json().get("model_id").stringValue() + "\"}").json();
        assertThat(copy.get("names").get("value").stringValue()).isEqualTo("Original " + value + " (copy)");
        assertThat(copy.get("values").get("value").stringValue()).isEqualTo(value + "-copy");
        assertThat(copy2.get("names").get("value").stringValue()).isEqualTo("Original " + value + " (copy 2)");
        assertThat(copy2.get("values").get("value").stringValue()).isEqualTo(value + "-copy-2");
        assertThat(admin.post(MODELS + "duplicate", "{\"model_id\": \"" + UUID.randomUUID() + "\"}").status()).isEqualTo(404);
    }

    @Test
    void deleteReportsEachId() {
        UUID id = CatalogFixtures.createModel(admin, "Doomed", unique("del"));
        UUID unknown = UUID.randomUUID();

        JsonNode results = admin.post(MODELS + "delete", "{\"model_ids\": [\"" + id + "\", \"" + unknown + "\"]}")
                .json().get("results");

        assertThat(results.get(0).get("success").booleanValue()).isTrue();
        assertThat(results.get(1).get("success").booleanValue()).isFalse();
        assertThat(count("select count(*) from catalog_models where id = ?", id)).isZero();
    }

    @Test
    void aMalformedIdToDeleteFailsAloneAndTheOthersAreDeleted() {
        UUID id = CatalogFixtures.createModel(admin, "Doomed too", unique("del"));

        TestResponse response = admin.post(MODELS + "delete",
                "{\"model_ids\": [\"not-a-uuid\", \"" + id + "\", 42, null]}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("model_id").stringValue()).isEqualTo("not-a-uuid");
        assertThat(results.get(0).get("success").booleanValue()).isFalse();
        assertThat(results.get(0).get("message").stringValue()).isEqualTo("must be a UUID");
        assertThat(results.get(1).get("success").booleanValue()).isTrue();
        assertThat(results.get(2).get("message").stringValue()).isEqualTo("must be a UUID");
        assertThat(results.get(3).get("message").stringValue()).isEqualTo("must be a UUID");
        assertThat(count("select count(*) from catalog_models where id = ?", id)).isZero();
    }

    @Test
    void aDeleteBodyWithoutAListOfIdsIsRefusedWhole() {
        UUID id = CatalogFixtures.createModel(admin, "Kept", unique("del"));

        assertThat(admin.post(MODELS + "delete", "{\"model_ids\": \"" + id + "\"}").status()).isEqualTo(400);
        assertThat(admin.post(MODELS + "delete", "{\"model_ids\": {\"id\": \"" + id + "\"}}").status()).isEqualTo(400);
        assertThat(admin.post(MODELS + "delete", "{}").status()).isEqualTo(400);
        assertThat(admin.post(MODELS + "delete", "[\"" + id + "\"]").status()).isEqualTo(400);
        assertThat(count("select count(*) from catalog_models where id = ?", id)).isOne();
    }

    @Test
    void permissionsDecideWhatACallerMayDo(TestApi api) {
        TestUsers.TestUser reader = TestUsers.create(api, "free", Permissions.MODELS_READ);
        TestApi asReader = api.withHeader("X-Api-Key", reader.key());
        UUID id = CatalogFixtures.createModel(admin, "Guarded", unique("perm"));

        TestResponse got = asReader.post(MODELS + "get", "{\"model_id\": \"" + id + "\"}");

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("can_edit").booleanValue()).isFalse();
        assertThat(got.json().get("disabled_reason").stringValue()).contains("models.update");
        assertThat(got.json().get("actor_name").stringValue()).isEqualTo(reader.username());
        assertThat(asReader.post(MODELS + "create", "{\"models\": []}").status()).isEqualTo(403);
        assertThat(asReader.post(MODELS + "delete", "{\"model_ids\": [\"" + id + "\"]}").status()).isEqualTo(403);
        assertThat(asReader.post(MODELS + "refresh", null).status()).isEqualTo(403);
        assertThat(api.withHeader("authorization", TestSettings.ADMIN_KEY).post(MODELS + "search", "{}").status())
                .as("a bare key in authorization").isEqualTo(200);
        assertThat(api.post(MODELS + "search", "{}").status()).isEqualTo(401);
    }

    @Test
    void searchTextAndFilterListsAreBounded() {
        String tooMany = Stream.generate(() -> "\"" + UUID.randomUUID() + "\"").limit(101).toList().toString();

        assertThat(admin.post(MODELS + "search", "{\"search\": \"" + "a".repeat(200) + "\"}").status()).isEqualTo(200);
        assertThat(admin.post(MODELS + "search", "{\"search\": \"" + "a".repeat(201) + "\"}").status()).isEqualTo(400);
        assertThat(admin.post(MODELS + "search", "{\"filter_department_ids\": " + tooMany + "}").status()).isEqualTo(400);
    }

    @Test
    void aNameOver200OrADescriptionOver4000CharactersFailsItsItem() {
        JsonNode results = admin.post(MODELS + "create", """
                {"models": [{"name": "%s", "value": "%s", "provider": "openai"},
                            {"name": "Long text", "value": "%s", "provider": "openai", "description": "%s"},
                            {"name": "%s", "value": "%s", "provider": "openai", "description": "%s"}]}
                """.formatted("n".repeat(201), unique("long"), unique("long"), "d".repeat(4001),
                "n".repeat(200), unique("long"), "d".repeat(4000))).json().get("results");

        assertThat(results.get(0).get("errors").findValuesAsString("field")).containsExactly("name");
        assertThat(results.get(1).get("errors").findValuesAsString("field")).containsExactly("description");
        assertThat(results.get(2).get("success").booleanValue()).as(results.get(2).toString()).isTrue();
    }

    @Test
    void aModelIdThatIsNotAUuidIsRefusedWith400() {
        for (String operation : List.of("get", "export", "duplicate")) {
            assertThat(admin.post(MODELS + operation, "{\"model_id\": \"gpt-4o\"}").status()).as(operation).isEqualTo(400);
        }
        assertThat(admin.post(MODELS + "docs", "{\"entity_id\": \"gpt-4o\"}").status()).isEqualTo(400);
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        TestResponse response = admin.post(MODELS + "search", "{\"serach\": \"gpt\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("serach");
        assertThat(admin.post(MODELS + "search", "{\"filter_provider_ids\": [null]}").status()).isEqualTo(400);
        assertThat(admin.post(MODELS + "search", "{\"filter_agent_ids\": [\"nope\"]}").status()).isEqualTo(400);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
