package dev.quartermaster.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@QuartermasterTest
class AdminApiTest {

    TestApi admin;

    @BeforeEach
    void setUp(TestApi api) {
        admin = api.asAdmin();
    }

    @Test
    void createsReadsPatchesAndDeletesAUser() {
        String name = Names.unique("carol");
        TestResponse created = admin.post("/api/v1/system/users", """
                {"username": "%s", "tier": "pro", "permissions": ["models.read"], "displayName": "Carol"}
                """.formatted(name));
        String id = created.json().get("data").get("id").stringValue();

        TestResponse patched = admin.patch("/api/v1/system/users/" + id, "{\"tier\": \"enterprise\"}");
        TestResponse deleted = admin.delete("/api/v1/system/users/" + id);

        assertThat(created.status()).isEqualTo(201);
        JsonNode user = patched.json().get("data");
        assertThat(user.get("tier").stringValue()).isEqualTo("enterprise");
        assertThat(user.get("displayName").stringValue()).as("untouched by the patch").isEqualTo("Carol");
        assertThat(user.get("permissions").get(0).stringValue()).isEqualTo("models.read");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/system/users/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusesUnknownPermissionsTiersAndTakenNamesFieldByField() {
        String name = Names.unique("dave");
        admin.post("/api/v1/system/users", "{\"username\": \"" + name + "\"}");

        TestResponse refused = admin.post("/api/v1/system/users", """
                {"username": "%s", "tier": "platinum", "permissions": ["models.read", "root"]}
                """.formatted(name));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("permissions[1]", "tier", "username");
    }

    @Test
    void aNewUserGetsTheLowestTierAndNoAdministrativePermission() {
        TestResponse created = admin.post("/api/v1/system/users",
                "{\"username\": \"" + Names.unique("erin") + "\"}");

        JsonNode user = created.json().get("data");
        assertThat(user.get("tier").stringValue()).isEqualTo("free");
        assertThat(user.get("permissions")).isEmpty();
    }

    @Test
    void groupMembersInheritTheGroupsPermissions(TestApi api) {
        TestUsers.TestUser user = TestUsers.create(api, "free");
        assertThat(api.withKey(user.key()).get("/api/v1/system/users").status()).isEqualTo(403);
        String group = Names.unique("readers");
        TestResponse created = admin.post("/api/v1/system/groups",
                "{\"name\": \"" + group + "\", \"permissions\": [\"users.read\"]}");

        admin.patch("/api/v1/system/users/" + user.id(), "{\"groups\": [\"" + group + "\"]}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(api.withKey(user.key()).get("/api/v1/system/users").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/system/groups/" + created.json().get("data").get("id").stringValue())
                .json().get("data").get("memberIds").get(0).stringValue()).isEqualTo(user.id().toString());
    }

    @Test
    void tiersAreOrderedAndATierInUseCannotBeDeleted() {
        String tier = Names.unique("t");
        TestResponse created = admin.post("/api/v1/system/tiers",
                "{\"name\": \"" + tier + "\", \"rank\": " + Names.uniqueRank() + ", \"managedKeys\": true}");
        admin.post("/api/v1/system/users", "{\"username\": \"" + Names.unique("frank") + "\", \"tier\": \"" + tier + "\"}");

        TestResponse refused = admin.delete("/api/v1/system/tiers/" + tier);
        JsonNode tiers = admin.get("/api/v1/system/tiers").json().get("data");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(tiers.get(0).get("name").stringValue()).isEqualTo("free");
        assertThat(tiers.findValuesAsString("name")).contains("free", "pro", "enterprise", tier);
    }

    @Test
    void aPasswordBcryptWouldCutIsRefused() {
        TestResponse refused = admin.post("/api/v1/system/users", "{\"username\": \"" + Names.unique("long")
                + "\", \"password\": \"" + "é".repeat(40) + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("message").stringValue()).isEqualTo("must be at most 72 bytes");
    }

    @Test
    void aDuplicateRankIsRefused() {
        TestResponse refused = admin.post("/api/v1/system/tiers", "{\"name\": \"dup\", \"rank\": 10}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo("rank");
    }

    @Test
    void anAdminCannotDeleteThemself() {
        String adminId = admin.get("/api/v1/system/me").json().get("data").get("userId").stringValue();

        assertThat(admin.delete("/api/v1/system/users/" + adminId).status()).isEqualTo(409);
    }
}
