package dev.quartermaster.catalog;

import dev.quartermaster.catalog.model.ModelInput;
import dev.quartermaster.support.Await;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static dev.quartermaster.catalog.CatalogFixtures.MODELS;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;

@QuartermasterTest
class ModelDocsTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void docsListTheElevenOperationsWithTheirPermissions(TestApi api) {
        TestResponse response = api.asAdmin().post(MODELS + "docs", "{}");

        JsonNode docs = response.json();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(docs.get("api_operations").findValuesAsString("name")).containsExactlyInAnyOrder("get", "search",
                "create", "update", "duplicate", "delete", "draft", "drafts", "docs", "export", "refresh");
        assertThat(operation(docs, "draft").get("method").stringValue()).isEqualTo("PATCH");
        assertThat(operation(docs, "delete").get("permission").stringValue()).isEqualTo("models.delete");
        assertThat(operation(docs, "search").get("summary").stringValue()).isEqualTo("Search Model");
        assertThat(docs.get("permissions").findValuesAsString("name"))
                .containsExactlyInAnyOrder("models.read", "models.create", "models.update", "models.delete");
        assertThat(docs.get("page_metadata").get("source").stringValue()).isEqualTo("/v3/api-docs");
    }

    /** The request timer is stopped just after the answer leaves, so counts are awaited, not read at once. */
    @Test
    void docsAreComposedInProcessWithoutARequestToTheServerItself(TestApi api) {
        long before = apiDocsRequests();
        api.get("/v3/api-docs");
        long afterDirect = awaitRequests(before + 1);

        TestResponse docs = api.asAdmin().post(MODELS + "docs", "{}");

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(afterDirect).as("a direct request is counted").isEqualTo(before + 1);
        assertThat(awaitRequests(afterDirect + 1)).as("docs made no request of its own").isEqualTo(afterDirect);
    }

    /** The count once it reached {@code expected}, or after a second if it did not. */
    private long awaitRequests(long expected) {
        return Await.until(this::apiDocsRequests, count -> count >= expected, Duration.ofSeconds(1));
    }

    @Test
    void theModelsFieldsAreThoseTheServerAccepts(TestApi api) {
        JsonNode docs = api.asAdmin().post(MODELS + "docs", "{\"entity_id\": \"" + UUID.randomUUID() + "\"}").json();

        assertThat(docs.get("artifact").get("fields").findValuesAsString("name"))
                .containsExactlyInAnyOrderElementsOf(ModelInput.FIELDS);
        assertThat(docs.get("entries").findValuesAsString("name")).contains("flags", "pricing", "reasoning_levels");
        assertThat(docs.get("entries").get(0).get("fields").findValuesAsString("name")).contains("id", "name");
        assertThat(docs.get("resources").findValuesAsString("path")).contains("/api/v1/system/catalog/agents",
                "/api/v5/uploads/{upload_id}");
        assertThat(docs.get("page_metadata").get("entity_exists").booleanValue()).isFalse();
    }

    @Test
    void eachOperationNeedsExactlyThePermissionItDocuments(TestApi api) {
        JsonNode operations = api.asAdmin().post(MODELS + "docs", "{}").json().get("api_operations");
        TestApi nobody = api.withKey(TestUsers.create(api, "free").key());

        for (JsonNode op : operations) {
            String permission = op.get("permission").stringValue();
            TestApi holder = api.withKey(TestUsers.create(api, "free", permission).key());
            String body = op.get("name").stringValue().matches("drafts|refresh") ? null : "{}";
            String path = op.get("path").stringValue();
            String method = op.get("method").stringValue();

            assertThat(nobody.send(method, path, body, "application/json").status()).as(method + " " + path).isEqualTo(403);
            assertThat(holder.send(method, path, body, "application/json").status()).as(method + " " + path + " with "
                    + permission).isNotIn(401, 403);
        }
    }

    private long apiDocsRequests() {
        return meters.find("http.server.requests").tag("uri", "/v3/api-docs").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    private static JsonNode operation(JsonNode docs, String name) {
        for (JsonNode op : docs.get("api_operations")) {
            if (op.get("name").stringValue().equals(name)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + name);
    }
}
