package dev.quartermaster.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of administrative change leaves an entry naming its actor, action, target and what
 * changed; secrets (passwords, issued keys) never appear in it; entries cannot be changed or removed.
 */
@QuartermasterTest
class AuditTrailTest {

    private static final String MODELS = "/api/v5/artifacts/models/";
    private static final String PASSWORD_CANARY = "canary-password-7d41e0c2";
    private static final String RESET_CANARY = "canary-reset-9b2f66aa13";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    TestApi admin;
    /** Who the entries {@link #expect} reads must name as their actor. */
    String actor = "admin";

    @BeforeEach
    void setUp(TestApi api) {
        admin = api.asAdmin();
    }

    @Test
    void everyAdministrativeChangeIsRecordedWithoutItsSecrets(TestApi api) {
        String tier = Names.unique("tier");
        String tierId = data(admin.post("/api/v1/system/tiers", "{\"name\": \"" + tier + "\", \"rank\": "
                + Names.uniqueRank() + "}"), 201).get("name").stringValue();
        expect("tier", tierId, "create", "rank");
        data(admin.patch("/api/v1/system/tiers/" + tier, "{\"description\": \"gold\"}"), 200);
        expect("tier", tierId, "update", "description");
        data(admin.put("/api/v1/system/tiers/" + tier + "/rate-limits", "{\"requestsPerMinute\": 7}"), 200);
        expect("tier_rate_limits", tierId, "update", "requestsPerMinute");
        data(admin.patch("/api/v1/system/budgets/tiers/" + tier, "{\"monthlyLimit\": 12.50}"), 200);
        expect("tier_budget", tierId, "update", "monthlyLimit");

        String group = Names.unique("group");
        String groupId = id(data(admin.post("/api/v1/system/groups", "{\"name\": \"" + group + "\"}"), 201));
        expect("group", groupId, "create", "name");
        data(admin.patch("/api/v1/system/groups/" + groupId, "{\"permissions\": [\"models.read\"]}"), 200);
        expect("group", groupId, "update", "permissions");

        String userId = id(data(admin.post("/api/v1/system/users", "{\"username\": \"" + Names.unique("audited")
                + "\", \"tier\": \"" + tier + "\", \"password\": \"" + PASSWORD_CANARY + "\"}"), 201));
        assertThat(expect("user", userId, "create", "tier").get("details").get("password").stringValue()).isEqualTo("set");
        data(admin.patch("/api/v1/system/users/" + userId, "{\"permissions\": [\"models.read\"], \"groups\": [\""
                + group + "\"]}"), 200);
        JsonNode granted = expect("user", userId, "update", "permissions", "groups").get("details");
        assertThat(granted.get("permissions").get("to").toString()).contains("models.read");
        data(admin.patch("/api/v1/system/users/" + userId, "{\"password\": \"" + RESET_CANARY + "\"}"), 200);
        expect("user", userId, "reset_password", "password");
        data(admin.patch("/api/v1/system/budgets/users/" + userId, "{\"dailyLimit\": 3}"), 200);
        expect("user_budget", userId, "update", "dailyLimit");

        JsonNode key = data(admin.post("/api/v1/system/users/" + userId + "/api-keys", "{\"name\": \"ci\"}"), 201);
        String keyId = id(key);
        assertThat(expect("api_key", keyId, "issue_for_another_user", "userId").get("details").get("userId")
                .stringValue()).isEqualTo(userId);
        data(admin.patch("/api/v1/system/users/" + userId + "/api-keys/" + keyId + "/rate-limits",
                "{\"tokensPerMinute\": 1000}"), 200);
        expect("api_key_rate_limits", keyId, "update", "tokensPerMinute");
        data(admin.delete("/api/v1/system/users/" + userId + "/api-keys/" + keyId), 200);
        expect("api_key", keyId, "revoke", "userId");

        catalogChanges();

        data(admin.delete("/api/v1/system/groups/" + groupId), 200);
        expect("group", groupId, "delete", "name");
        data(admin.delete("/api/v1/system/users/" + userId), 200);
        expect("user", userId, "delete", "username");
        data(admin.delete("/api/v1/system/tiers/" + tier), 200);
        expect("tier", tierId, "delete", "rank");

        String everything = String.join("\n", jdbc.sql("select details::text from audit_log").query(String.class).list());
        assertThat(everything).doesNotContain(PASSWORD_CANARY).doesNotContain(RESET_CANARY)
                .doesNotContain(key.get("key").stringValue()).doesNotContain("$2a$");
    }

    @Test
    void aUserIssuingTheirOwnKeyIsRecordedAsSuch(TestApi api) {
        TestUsers.TestUser self = TestUsers.create(api, "free", "users.update");
        String keyId = id(data(api.withKey(self.key()).post("/api/v1/system/users/" + self.id() + "/api-keys",
                "{\"name\": \"mine\"}"), 201));

        actor = self.username();
        expect("api_key", keyId, "issue", "userId");
    }

    @Test
    void theAuditTableCannotBeChangedOrEmptied() {
        admin.patch("/api/v1/system/tiers/free", "{\"description\": \"" + Names.unique("touch") + "\"}");

        for (String statement : List.of("update audit_log set actor_name = 'nobody'", "delete from audit_log",
                "truncate audit_log")) {
            assertThat(refused(statement)).as(statement).isTrue();
        }
    }

    private void catalogChanges() {
        String modelId = admin.post(MODELS + "create", "{\"models\": [{\"name\": \"Audited\", \"value\": \""
                + Names.unique("audited") + "\", \"provider\": \"openai\"}]}").json()
                .get("results").get(0).get("model_id").stringValue();
        expect("catalog_model", modelId, "create", "value");
        admin.post(MODELS + "update", "{\"models\": [{\"model_id\": \"" + modelId + "\", \"name\": \"Renamed\"}]}");
        assertThat(expect("catalog_model", modelId, "update", "name").get("details").get("name").get("to")
                .stringValue()).isEqualTo("Renamed");
        String copy = admin.post(MODELS + "duplicate", "{\"model_id\": \"" + modelId + "\"}").json().get("model_id")
                .stringValue();
        expect("catalog_model", copy, "create", "copiedFrom");
        admin.post(MODELS + "delete", "{\"model_ids\": [\"" + modelId + "\", \"" + copy + "\"]}");
        expect("catalog_model", modelId, "delete", "value");

        String price = id(data(admin.post("/api/v1/system/catalog/pricing", "{\"name\": \"" + Names.unique("p")
                + "\", \"inputPricePerMillion\": 2.5, \"outputPricePerMillion\": 10, \"currency\": \"USD\"}"), 201));
        expect("taxonomy_pricing", price, "create", "inputPricePerMillion");
        data(admin.patch("/api/v1/system/catalog/pricing/" + price, "{\"outputPricePerMillion\": 12}"), 200);
        JsonNode repriced = expect("taxonomy_pricing", price, "update", "outputPricePerMillion").get("details");
        assertThat(repriced.get("outputPricePerMillion").get("to").asString()).isEqualTo("12");
        data(admin.delete("/api/v1/system/catalog/pricing/" + price), 200);
        expect("taxonomy_pricing", price, "delete", "name");

        String agent = id(data(admin.post("/api/v1/system/catalog/agents", "{\"name\": \"" + Names.unique("agent")
                + "\"}"), 201));
        expect("catalog_agent", agent, "create", "name");
        data(admin.patch("/api/v1/system/catalog/agents/" + agent, "{\"description\": \"d\"}"), 200);
        expect("catalog_agent", agent, "update", "description");
        data(admin.delete("/api/v1/system/catalog/agents/" + agent), 200);
        expect("catalog_agent", agent, "delete", "name");
    }

    /** The newest entry for the target: its action, its actor, and the named details. */
    private JsonNode expect(String targetType, String targetId, String action, String... details) {
        TestResponse found = admin.get("/api/v1/system/audit?targetType=" + targetType + "&targetId=" + targetId
                + "&limit=1");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonNode entries = found.json().get("data");
        assertThat(entries.size()).as("an entry for %s %s %s", action, targetType, targetId).isEqualTo(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("action").stringValue()).as(entry.toString()).isEqualTo(action);
        assertThat(entry.get("actorName").stringValue()).as(entry.toString()).isEqualTo(actor);
        assertThat(entry.get("actorId").isString()).as(entry.toString()).isTrue();
        for (String detail : details) {
            assertThat(entry.get("details").has(detail)).as("%s names %s", entry, detail).isTrue();
        }
        return entry;
    }

    /** Whether the application's role is refused the statement; rolled back either way, so a test run changes nothing. */
    private boolean refused(String statement) {
        try {
            return Boolean.TRUE.equals(new TransactionTemplate(transactions).execute(status -> {
                status.setRollbackOnly();
                jdbc.sql(statement).update();
                return false;
            }));
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static JsonNode data(TestResponse response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json().get("data");
    }

    private static String id(JsonNode data) {
        return data.get("id").stringValue();
    }
}
