package dev.quartermaster.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.Race;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers.TestUser;
import dev.quartermaster.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@QuartermasterTest
class IntegrationConnectionsTest {

    @Autowired
    JdbcClient jdbc;

    TestApi admin;
    TestUser charlie;
    TestApi asCharlie;

    @BeforeEach
    void setUp(TestApi api) {
        admin = api.asAdmin();
        charlie = TestUsers.create(api, "free");
        asCharlie = api.withKey(charlie.key());
    }

    @Test
    void theSeedsListAndDefaultSetterWorkAsDocumented() {
        String linear = connection("Charlie's Linear", "linear", "owner_user_id", charlie.id().toString());

        TestResponse set = asCharlie.post("/v1/integrations/connections/linear/default",
                "{ \"connection_id\": \"" + linear + "\" }");
        TestResponse list = asCharlie.get("/v1/integrations/connections");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json()).isEqualTo(TestApi.json(
                "{\"integration_config_id\": \"linear\", \"connection_id\": \"" + linear + "\"}"));
        JsonNode entry = list.json().get("data").get(0);
        assertThat(entry.propertyNames()).containsExactly("id", "display_name", "integration_config_id",
                "nango_connection_id", "is_preferred", "created_at");
        assertThat(entry.get("id").stringValue()).isEqualTo(linear).startsWith("conn_");
        assertThat(entry.get("display_name").stringValue()).isEqualTo("Charlie's Linear");
        assertThat(entry.get("is_preferred").booleanValue()).isTrue();
        assertThat(entry.get("created_at").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    @Test
    void aUserSeesTheirOwnAndTheirGroupsConnectionsOnly(TestApi api) {
        String group = groupWith(charlie);
        String own = connection("mine", "github", "owner_user_id", charlie.id().toString());
        String shared = connection("team", "github", "group_id", group);
        TestUser other = TestUsers.create(api, "free");
        String foreign = connection("theirs", "github", "owner_user_id", other.id().toString());

        List<String> seen = asCharlie.get("/v1/integrations/connections").json().get("data").findValuesAsString("id");

        assertThat(seen).contains(own, shared).doesNotContain(foreign);
        assertThat(asCharlie.post("/v1/integrations/connections/github/default",
                "{\"connection_id\": \"" + shared + "\"}").status()).isEqualTo(200);
        TestResponse invisible = asCharlie.post("/v1/integrations/connections/github/default",
                "{\"connection_id\": \"" + foreign + "\"}");
        assertThat(invisible.status()).isEqualTo(404);
        assertThat(invisible.json().get("error").get("type").stringValue()).isEqualTo("not_found_error");
    }

    @Test
    void theDocumentedErrors(TestApi api) {
        String linear = connection("l", "linear", "owner_user_id", charlie.id().toString());
        TestUser auditor = TestUsers.create(api, "free", "integrations.read");
        TestApi asAuditor = api.withKey(auditor.key());

        TestResponse missing = asCharlie.post("/v1/integrations/connections/linear/default", "{}");
        TestResponse wrongIntegration = asCharlie.post("/v1/integrations/connections/github/default",
                "{\"connection_id\": \"" + linear + "\"}");
        TestResponse seenNotUsable = asAuditor.post("/v1/integrations/connections/linear/default",
                "{\"connection_id\": \"" + linear + "\"}");
        TestResponse unknown = asCharlie.post("/v1/integrations/connections/linear/default",
                "{\"connection_id\": \"conn_nope\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").get("param").stringValue()).isEqualTo("connection_id");
        assertThat(wrongIntegration.status()).isEqualTo(400);
        assertThat(wrongIntegration.json().get("error").get("message").stringValue()).contains("belongs to integration linear");
        assertThat(seenNotUsable.status()).isEqualTo(403);
        assertThat(asAuditor.get("/v1/integrations/connections").json().get("data").findValuesAsString("id")).contains(linear);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void concurrentDefaultSettersLeaveOnePreferredConnection() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(connection("c" + i, "notion", "owner_user_id", charlie.id().toString()));
        }

        List<Integer> statuses = Race.each(ids, id -> asCharlie.post("/v1/integrations/connections/notion/default",
                "{\"connection_id\": \"" + id + "\"}").status());

        assertThat(statuses).containsOnly(200);
        long rows = jdbc.sql("select count(*) from integration_preferences where user_id = ? and integration_config_id = 'notion'")
                .param(charlie.id()).query(Long.class).single();
        List<JsonNode> preferred = asCharlie.get("/v1/integrations/connections").json().get("data").valueStream()
                .filter(c -> c.get("is_preferred").booleanValue()).toList();
        assertThat(rows).isEqualTo(1);
        assertThat(preferred).hasSize(1);
    }

    @Test
    void deletingAConnectionClearsItAsAPreference() {
        String id = connection("gone", "slack", "owner_user_id", charlie.id().toString());
        asCharlie.post("/v1/integrations/connections/slack/default", "{\"connection_id\": \"" + id + "\"}");

        TestResponse deleted = admin.delete("/api/v1/system/integrations/connections/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from integration_preferences where connection_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(asCharlie.get("/v1/integrations/connections").json().get("data").findValuesAsString("id"))
                .doesNotContain(id);
    }

    @Test
    void adminCreateChecksItsFields() {
        TestResponse bothOwners = admin.post("/api/v1/system/integrations/connections", """
                {"display_name": "x", "integration_config_id": "linear", "nango_connection_id": "n",
                 "owner_user_id": "%s", "group_id": "%s"}""".formatted(charlie.id(), UUID.randomUUID()));
        TestResponse empty = admin.post("/api/v1/system/integrations/connections", "{}");
        TestResponse unknownUser = admin.post("/api/v1/system/integrations/connections", """
                {"display_name": "x", "integration_config_id": "Linear!", "nango_connection_id": "n",
                 "owner_user_id": "%s"}""".formatted(UUID.randomUUID()));

        assertThat(bothOwners.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("display_name", "integration_config_id", "nango_connection_id", "owner_user_id");
        assertThat(unknownUser.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("integration_config_id", "owner_user_id");
        assertThat(asCharlie.post("/api/v1/system/integrations/connections", "{}").status()).isEqualTo(403);
    }

    private String connection(String name, String integration, String ownerField, String owner) {
        TestResponse created = admin.post("/api/v1/system/integrations/connections", """
                {"display_name": "%s", "integration_config_id": "%s", "nango_connection_id": "nango_%s", "%s": "%s"}
                """.formatted(name, integration, UUID.randomUUID(), ownerField, owner));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("data").get("id").stringValue();
    }

    private String groupWith(TestUser user) {
        String name = Names.unique("team");
        String id = admin.post("/api/v1/system/groups", "{\"name\": \"" + name + "\"}").json().get("data").get("id").stringValue();
        admin.patch("/api/v1/system/users/" + user.id(), "{\"groups\": [\"" + id + "\"]}");
        return id;
    }
}
