package dev.quartermaster.catalog;

import static dev.quartermaster.catalog.CatalogFixtures.MODELS;
import static dev.quartermaster.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.platform.Changes;
import dev.quartermaster.providers.ProviderProfiles;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@QuartermasterTest
class ModelSearchTest {

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
    void findsByNameDescriptionOrValueInAnyCaseAtOnceAfterAWrite() {
        String token = unique("zebra");
        CatalogFixtures.create(admin, "{\"name\": \"Big %s\", \"value\": \"a-%s\", \"provider\": \"openai\"}"
                .formatted(token.toUpperCase(), token));
        CatalogFixtures.create(admin, "{\"name\": \"Other\", \"description\": \"mentions %s\", \"value\": \"b-%s\", \"provider\": \"openai\"}"
                .formatted(token, token));
        UUID third = CatalogFixtures.createModel(admin, "Unrelated", "c-" + unique("x"));

        JsonNode found = search("{\"search\": \"%s\"}".formatted(token));
        admin.post(MODELS + "update", "{\"models\": [{\"model_id\": \"" + third + "\", \"name\": \"Now " + token + "\"}]}");
        JsonNode afterUpdate = search("{\"search\": \"%s\"}".formatted(token));

        assertThat(found.get("total_count").longValue()).isEqualTo(2);
        assertThat(found.get("models").findValuesAsString("name")).containsExactly("Big " + token.toUpperCase(), "Other");
        assertThat(afterUpdate.get("total_count").longValue()).as("read-your-writes").isEqualTo(3);
    }

    @Test
    void writesOfAnotherServerProcessAreSeenByTheNextSearch() {
        String token = unique("elsewhere");
        search("{\"search\": \"%s\"}".formatted(token));
        // written straight to the database, as another process would: no change notice reaches this one
        UUID id = jdbc.sql("""
                insert into catalog_models (name, value, provider, tier) values (?, ?, 'openai', 'free') returning id
                """).params("Made " + token, token).query(UUID.class).single();

        long created = search("{\"search\": \"%s\"}".formatted(token)).get("total_count").longValue();
        jdbc.sql("update catalog_models set name = 'Renamed' where id = ?").param(id).update();
        long renamed = search("{\"search\": \"made %s\"}".formatted(token)).get("total_count").longValue();
        jdbc.sql("delete from catalog_models where id = ?").param(id).update();
        long deleted = search("{\"search\": \"%s\"}".formatted(token)).get("total_count").longValue();

        assertThat(created).isEqualTo(1);
        assertThat(renamed).isZero();
        assertThat(deleted).isZero();
    }

    @Test
    void wildcardCharactersInTheTextAreLiteral() {
        String token = unique("pct");
        CatalogFixtures.create(admin, "{\"name\": \"100%% %s\", \"value\": \"%s\", \"provider\": \"openai\"}".formatted(token, token));

        assertThat(search("{\"search\": \"100%% %s\"}".formatted(token)).get("total_count").longValue()).isEqualTo(1);
        assertThat(search("{\"search\": \"1_0%% %s\"}".formatted(token)).get("total_count").longValue()).isZero();
    }

    @Test
    void filtersCombineAndEachFacetIsCountedWithTheOtherFilters() {
        String token = unique("facet");
        UUID p1 = CatalogFixtures.profile(jdbc, changes, "openai", "p1 " + token);
        UUID p2 = CatalogFixtures.profile(jdbc, changes, "mistral", "p2 " + token);
        UUID sales = CatalogFixtures.taxonomy(admin, "departments", "Sales " + token);
        UUID legal = CatalogFixtures.taxonomy(admin, "departments", "Legal " + token);
        model(token, 1, p1, sales);
        model(token, 2, p1, legal);
        model(token, 3, p2, sales);
        UUID used = model(token, 4, p2, sales);
        JsonNode agent = admin.post("/api/v1/system/catalog/agents",
                "{\"name\": \"Agent " + token + "\", \"modelIds\": [\"" + used + "\"]}").json().get("data");

        JsonNode result = search("""
                {"search": "%s", "filter_provider_ids": ["%s"], "provider_search": "%s", "department_search": "%s",
                 "agent_search": "%s"}
                """.formatted(token, p2, token, token, token));
        JsonNode byAgent = search("{\"search\": \"%s\", \"filter_agent_ids\": [\"%s\"]}".formatted(token,
                agent.get("id").stringValue()));

        assertThat(result.get("total_count").longValue()).isEqualTo(2);
        assertThat(count(result.get("provider_filter"), p1)).as("other filters only: the text").isEqualTo(2);
        assertThat(count(result.get("provider_filter"), p2)).isEqualTo(2);
        assertThat(selected(result.get("provider_filter"), p2)).isTrue();
        assertThat(count(result.get("department_filter"), sales)).as("within provider p2").isEqualTo(2);
        assertThat(count(result.get("department_filter"), legal)).isZero();
        assertThat(result.get("agent_filter").get("options").size()).isEqualTo(1);
        assertThat(byAgent.get("models").findValuesAsString("model_id")).containsExactly(used.toString());
        JsonNode narrowed = search("{\"search\": \"%s\", \"department_search\": \"legal %s\"}".formatted(token, token));
        assertThat(narrowed.get("department_filter").get("options").findValuesAsString("id")).containsExactly(legal.toString());
    }

    @Test
    void aDeletedProviderProfileLeavesItsModelsAndTheirSearch() {
        String token = unique("gone");
        UUID profile = CatalogFixtures.profile(jdbc, changes, "ollama", "Gone " + token);
        UUID department = CatalogFixtures.taxonomy(admin, "departments", "Dept " + token);
        UUID id = model(token, 1, profile, department);

        jdbc.sql("delete from provider_profiles where id = ?").param(profile).update();
        changes.publish(ProviderProfiles.TOPIC);

        JsonNode form = admin.post(MODELS + "get", "{\"model_id\": \"" + id + "\"}").json();
        JsonNode filtered = search("{\"search\": \"%s\", \"filter_provider_ids\": [\"%s\"]}".formatted(token, profile));
        assertThat(form.get("providers").get("selected")).isEmpty();
        assertThat(form.get("providers").get("provider").stringValue()).as("kept from when it was linked").isEqualTo("ollama");
        assertThat(filtered.get("total_count").longValue()).isZero();
        assertThat(search("{\"search\": \"%s\"}".formatted(token)).get("total_count").longValue()).isEqualTo(1);
    }

    @Test
    void pagesAreStableAndCoverEveryMatchOnce() {
        String token = unique("page");
        for (int i = 0; i < 7; i++) {
            CatalogFixtures.create(admin, "{\"name\": \"Same %s\", \"value\": \"%s-%d\", \"provider\": \"openai\"}"
                    .formatted(token, token, i));
        }
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            JsonNode page = search("{\"search\": \"%s\", \"page_size\": 3, \"page_offset\": %d}".formatted(token, offset));
            assertThat(page.get("total_count").longValue()).isEqualTo(7);
            seen.addAll(page.get("models").findValuesAsString("model_id"));
        }

        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen).isSorted();
    }

    @Test
    void pageSizeIsBounded() {
        TestResponse tooBig = admin.post(MODELS + "search", "{\"page_size\": 501}");
        TestResponse negative = admin.post(MODELS + "search", "{\"page_offset\": -1}");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("errors").get(0).get("field").stringValue()).isEqualTo("page_size");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(search("{}").get("page_size").intValue()).isEqualTo(50);
    }

    @Test
    void refreshRebuildsTheProjectionAndNamesWhatItDropped() {
        String token = unique("refresh");
        UUID id = CatalogFixtures.createModel(admin, "Fresh " + token, token);
        jdbc.sql("delete from catalog_search where model_id = ?").param(id).update();
        assertThat(search("{\"search\": \"%s\"}".formatted(token)).get("total_count").longValue()).isZero();

        TestResponse refreshed = admin.post(MODELS + "refresh", null);

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("refreshed_views").toString()).contains("catalog_search");
        assertThat(refreshed.json().get("invalidated_tags").toString()).contains("catalog", "catalog.taxonomy");
        assertThat(search("{\"search\": \"%s\"}".formatted(token)).get("total_count").longValue()).isEqualTo(1);
    }

    private UUID model(String token, int n, UUID profile, UUID department) {
        return CatalogFixtures.id(CatalogFixtures.create(admin, """
                {"name": "M%d %s", "value": "%s-%d", "provider_ids": ["%s"], "department_ids": ["%s"]}
                """.formatted(n, token, token, n, profile, department)), "model_id");
    }

    private JsonNode search(String body) {
        TestResponse response = admin.post(MODELS + "search", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static long count(JsonNode section, UUID id) {
        for (JsonNode option : section.get("options")) {
            if (option.get("id").stringValue().equals(id.toString())) {
                return option.get("count").longValue();
            }
        }
        throw new AssertionError("no option " + id + " in " + section);
    }

    private static boolean selected(JsonNode section, UUID id) {
        for (JsonNode option : section.get("options")) {
            if (option.get("id").stringValue().equals(id.toString())) {
                return option.get("selected").booleanValue();
            }
        }
        return false;
    }
}
