package dev.quartermaster.catalog;

import static dev.quartermaster.catalog.CatalogFixtures.MODELS;
import static dev.quartermaster.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

@QuartermasterTest
class TaxonomyApiTest {

    private static final String CATALOG = "/api/v1/system/catalog/";

    TestApi admin;

    @BeforeEach
    void setUp(TestApi api) {
        admin = api.asAdmin();
    }

    @ParameterizedTest
    @ValueSource(strings = {"flags", "departments", "modalities", "qualities", "reasoning-levels", "temperature-levels",
            "voices", "values"})
    void everyKindHasTheSameCrud(String kind) {
        String name = unique(kind);
        TestResponse created = admin.post(CATALOG + kind, "{\"name\": \"" + name + "\", \"description\": \"d\"}");
        String id = created.json().get("data").get("id").stringValue();

        TestResponse patched = admin.patch(CATALOG + kind + "/" + id, "{\"description\": \"changed\"}");
        TestResponse renamed = admin.patch(CATALOG + kind + "/" + id,
                "{\"name\": \"" + name + "-renamed\", \"description\": \"again\"}");
        admin.patch(CATALOG + kind + "/" + id, "{\"name\": \"" + name + "\"}");
        TestResponse duplicate = admin.post(CATALOG + kind, "{\"name\": \"" + name.toUpperCase() + "\"}");
        TestResponse listed = admin.get(CATALOG + kind);
        TestResponse deleted = admin.delete(CATALOG + kind + "/" + id);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(patched.json().get("data").get("name").stringValue()).isEqualTo(name);
        assertThat(patched.json().get("data").get("description").stringValue()).isEqualTo("changed");
        assertThat(patched.json().get("data").get("version").intValue()).isEqualTo(2);
        assertThat(renamed.json().get("data").get("name").stringValue()).isEqualTo(name + "-renamed");
        assertThat(renamed.json().get("data").get("version").intValue()).as("one PATCH, one version").isEqualTo(3);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(listed.json().get("data").findValuesAsString("id")).contains(id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(admin.get(CATALOG + kind + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void pricingNeedsPricesAndACurrencyAndOtherKindsRefuseThem() {
        TestResponse missing = admin.post(CATALOG + "pricing", "{\"name\": \"" + unique("p") + "\"}");
        TestResponse negative = admin.post(CATALOG + "pricing", """
                {"name": "%s", "inputPricePerMillion": -1, "outputPricePerMillion": 1, "currency": "usd"}
                """.formatted(unique("p")));
        TestResponse priced = admin.post(CATALOG + "pricing", """
                {"name": "%s", "inputPricePerMillion": 2.5, "outputPricePerMillion": 10.125, "currency": "EUR"}
                """.formatted(unique("p")));
        TestResponse flagWithPrice = admin.post(CATALOG + "flags", "{\"name\": \"" + unique("f") + "\", \"currency\": \"USD\"}");

        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("inputPricePerMillion", "outputPricePerMillion", "currency");
        assertThat(negative.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("inputPricePerMillion", "currency");
        assertThat(priced.status()).isEqualTo(201);
        assertThat(priced.json().get("data").get("outputPricePerMillion").decimalValue()).isEqualByComparingTo("10.125");
        assertThat(flagWithPrice.status()).isEqualTo(400);
        assertThat(admin.get(CATALOG + "colours").status()).isEqualTo(404);
    }

    @Test
    void aPricingEntryIsCreatedReadPatchedAndDeletedOneVersionPerPatch() {
        String name = unique("price");
        TestResponse created = admin.post(CATALOG + "pricing", """
                {"name": "%s", "inputPricePerMillion": 2.5, "outputPricePerMillion": 10, "currency": "USD"}
                """.formatted(name));
        String id = created.json().get("data").get("id").stringValue();

        JsonNode read = admin.get(CATALOG + "pricing/" + id).json().get("data");
        JsonNode renamed = admin.patch(CATALOG + "pricing/" + id, "{\"name\": \"" + name + "-renamed\"}").json().get("data");
        JsonNode repriced = admin.patch(CATALOG + "pricing/" + id,
                "{\"inputPricePerMillion\": 0.1234567, \"currency\": \"EUR\"}").json().get("data");
        TestResponse deleted = admin.delete(CATALOG + "pricing/" + id);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(read.get("kind").stringValue()).isEqualTo("pricing");
        assertThat(read.get("inputPricePerMillion").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(read.get("outputPricePerMillion").decimalValue()).isEqualByComparingTo("10");
        assertThat(read.get("currency").stringValue()).isEqualTo("USD");
        assertThat(read.get("version").intValue()).isEqualTo(1);
        assertThat(renamed.get("name").stringValue()).isEqualTo(name + "-renamed");
        assertThat(renamed.get("inputPricePerMillion").decimalValue()).as("prices kept").isEqualByComparingTo("2.5");
        assertThat(renamed.get("version").intValue()).as("a rename is one version").isEqualTo(2);
        assertThat(repriced.get("inputPricePerMillion").decimalValue()).as("six decimals at most")
                .isEqualByComparingTo("0.123457");
        assertThat(repriced.get("outputPricePerMillion").decimalValue()).as("not sent, kept").isEqualByComparingTo("10");
        assertThat(repriced.get("currency").stringValue()).isEqualTo("EUR");
        assertThat(repriced.get("version").intValue()).isEqualTo(3);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("data").get("name").stringValue()).isEqualTo(name + "-renamed");
        assertThat(admin.get(CATALOG + "pricing/" + id).status()).isEqualTo(404);
    }

    @Test
    void aPatchWithABadPriceOrCurrencyChangesNothing() {
        String name = unique("price");
        UUID id = CatalogFixtures.taxonomy(admin, "pricing", name);

        TestResponse negative = admin.patch(CATALOG + "pricing/" + id,
                "{\"outputPricePerMillion\": -1, \"name\": \"" + unique("price") + "\"}");
        TestResponse tooLarge = admin.patch(CATALOG + "pricing/" + id, "{\"inputPricePerMillion\": 100000000}");
        TestResponse notANumber = admin.patch(CATALOG + "pricing/" + id, "{\"inputPricePerMillion\": \"cheap\"}");
        TestResponse cleared = admin.patch(CATALOG + "pricing/" + id, "{\"outputPricePerMillion\": null}");
        TestResponse badCurrency = admin.patch(CATALOG + "pricing/" + id, "{\"currency\": \"usd\"}");
        TestResponse noCurrency = admin.patch(CATALOG + "pricing/" + id, "{\"currency\": null}");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").findValuesAsString("field")).containsExactly("outputPricePerMillion");
        assertThat(tooLarge.json().get("errors").findValuesAsString("field")).containsExactly("inputPricePerMillion");
        assertThat(notANumber.json().get("errors").findValuesAsString("field")).containsExactly("inputPricePerMillion");
        assertThat(cleared.json().get("errors").findValuesAsString("field")).containsExactly("outputPricePerMillion");
        assertThat(badCurrency.json().get("errors").findValuesAsString("field")).containsExactly("currency");
        assertThat(noCurrency.json().get("errors").findValuesAsString("field")).containsExactly("currency");
        JsonNode unchanged = admin.get(CATALOG + "pricing/" + id).json().get("data");
        assertThat(unchanged.get("name").stringValue()).isEqualTo(name);
        assertThat(unchanged.get("inputPricePerMillion").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(unchanged.get("outputPricePerMillion").decimalValue()).isEqualByComparingTo("10");
        assertThat(unchanged.get("currency").stringValue()).isEqualTo("USD");
        assertThat(unchanged.get("version").intValue()).isEqualTo(1);
    }

    @Test
    void deletingAnEntryRemovesItFromModelsAndFromSearch() {
        String token = unique("dept");
        UUID department = CatalogFixtures.taxonomy(admin, "departments", token);
        UUID model = CatalogFixtures.id(CatalogFixtures.create(admin, """
                {"name": "%s", "value": "%s", "provider": "openai", "department_ids": ["%s"]}
                """.formatted(token, token, department)), "model_id");

        admin.delete(CATALOG + "departments/" + department);

        JsonNode form = admin.post(MODELS + "get", "{\"model_id\": \"" + model + "\"}").json();
        JsonNode found = admin.post(MODELS + "search",
                "{\"search\": \"" + token + "\", \"filter_department_ids\": [\"" + department + "\"]}").json();
        assertThat(form.get("departments").get("selected")).isEmpty();
        assertThat(found.get("total_count").longValue()).isZero();
    }

    @Test
    void agentsNameTheModelsTheyUse() {
        UUID model = CatalogFixtures.createModel(admin, "Used", unique("used"));
        TestResponse created = admin.post(CATALOG + "agents",
                "{\"name\": \"" + unique("agent") + "\", \"modelIds\": [\"" + model + "\"]}");
        TestResponse unknownModel = admin.post(CATALOG + "agents",
                "{\"name\": \"" + unique("agent") + "\", \"modelIds\": [\"" + UUID.randomUUID() + "\"]}");
        String id = created.json().get("data").get("id").stringValue();

        TestResponse cleared = admin.patch(CATALOG + "agents/" + id, "{\"modelIds\": []}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("data").get("modelIds").get(0).stringValue()).isEqualTo(model.toString());
        assertThat(unknownModel.status()).isEqualTo(400);
        assertThat(unknownModel.json().get("errors").get(0).get("field").stringValue()).isEqualTo("modelIds[0]");
        assertThat(cleared.json().get("data").get("modelIds")).isEmpty();
    }
}
