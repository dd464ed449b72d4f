package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Users, groups, tiers and budgets over plain HTTP: the admin services' rules, containment and audit. */
@QuartermasterTest
class UsersPageTest {

    // integrations.update: the containment rule lets only someone who may share connections confer groups they are not in
    static final String[] USER_ADMIN = {"users.read", "users.create", "users.update", "users.delete", "models.read",
        "integrations.update"};

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUserIsCreatedWithTierPermissionsAndGroupsThenEditedAndAudited(TestApi api) {
        String group = Names.unique("group");
        api.asAdmin().post("/api/v1/system/groups", "{\"name\": \"" + group + "\"}");
        ConsoleUsers.Person admin = ConsoleUsers.create(api, USER_ADMIN);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());
        browser.open("/console/users/new");
        String username = Names.unique("made");

        TestResponse created = browser.post("/console/users/new", Map.of("username", username, "tier", "pro",
                "permissions", "models.read", "groups", group));
        String id = created.header("Location").replaceAll(".*/console/users/", "");
        TestResponse edited = browser.post("/console/users/" + id, Map.of("displayName", "Made Here", "tier", "free"));
        JsonNode user = api.asAdmin().get("/api/v1/system/users/" + id).json().get("data");

        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(edited.status()).as(edited.body()).isEqualTo(302);
        assertThat(user.get("username").asString()).isEqualTo(username);
        assertThat(user.get("displayName").asString()).isEqualTo("Made Here");
        assertThat(user.get("tier").asString()).isEqualTo("free");
        assertThat(user.get("permissions")).isEmpty();
        assertThat(user.get("groups")).isEmpty();
        assertThat(jdbc.sql("select actor_name from audit_log where target_id = ? and action = 'create'").param(id)
                .query(String.class).single()).isEqualTo(admin.username());
        assertThat(browser.open("/console/users").body()).contains(username);
    }

    @Test
    void aRefusedFieldIsNamedAndNoOneGrantsWhatTheyDoNotHold(TestApi api) {
        ConsoleUsers.Person admin = ConsoleUsers.create(api, USER_ADMIN);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());
        browser.open("/console/users/new");

        TestResponse badName = browser.post("/console/users/new", Map.of("username", "no spaces allowed"));
        TestResponse shortPassword = browser.post("/console/users/new", Map.of("username", Names.unique("pw"),
                "password", "short"));
        TestResponse tooMuch = browser.post("/console/users/new", Map.of("username", Names.unique("grant"),
                "permissions", "audit.read"));

        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body()).contains("username: ").contains("value=\"no spaces allowed\"");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("password: ");
        assertThat(tooMuch.status()).isEqualTo(403);
        assertThat(tooMuch.body()).contains("audit.read");
    }

    @Test
    void aPasswordResetLetsTheUserSignInWithTheNewOneAndDeletingAsksFirst(TestApi api) {
        ConsoleUsers.Person target = ConsoleUsers.create(api);
        String id = api.asAdmin().get("/api/v1/system/users?limit=1000").json().get("data").valueStream()
                .filter(u -> u.get("username").asString().equals(target.username())).findFirst().orElseThrow()
                .get("id").asString();
        ConsoleUsers.Person admin = ConsoleUsers.create(api, USER_ADMIN);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());
        browser.open("/console/users/" + id);

        TestResponse reset = browser.post("/console/users/" + id + "/password", Map.of("password", "a-new-password-1234"));
        TestResponse signedIn = new ConsoleClient(api).signIn(target.username(), "a-new-password-1234");
        TestResponse confirm = browser.open("/console/users/" + id + "/delete");
        TestResponse deleted = browser.post("/console/users/" + id + "/delete", Map.of());

        assertThat(reset.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/console");
        assertThat(confirm.body()).contains("Delete " + target.username() + "?");
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(api.asAdmin().get("/api/v1/system/users/" + id).status()).isEqualTo(404);
    }

    @Test
    void aTiersBudgetAndRateLimitsAndAUsersBudgetAreSetAsTheApiSetsThem(TestApi api) {
        String tier = Names.unique("tier").replace('-', '_').toLowerCase();
        TestResponse made = api.asAdmin().post("/api/v1/system/tiers", "{\"name\": \"" + tier + "\", \"rank\": " + Names.uniqueRank() + "}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        ConsoleUsers.Person admin = ConsoleUsers.create(api, USER_ADMIN);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());
        browser.open("/console/tiers/" + tier);

        TestResponse saved = browser.post("/console/tiers/" + tier, Map.of("dailyLimit", "2.50", "monthlyLimit", "40",
                "requestsPerMinute", "60", "tokensPerMinute", "", "concurrentStreams", "2"));
        TestResponse refused = browser.post("/console/tiers/" + tier, Map.of("dailyLimit", "lots"));
        TestResponse list = browser.open("/console/tiers");

        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(api.asAdmin().get("/api/v1/system/budgets/tiers").json().get("data").get(tier).get("dailyLimit")
                .decimalValue()).isEqualByComparingTo("2.50");
        JsonNode limits = api.asAdmin().get("/api/v1/system/tiers/" + tier + "/rate-limits").json().get("data");
        assertThat(limits.get("requestsPerMinute").intValue()).isEqualTo(60);
        assertThat(limits.get("tokensPerMinute").isNull()).isTrue();
        assertThat(limits.get("concurrentStreams").intValue()).isEqualTo(2);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("dailyLimit: must be an amount");
        assertThat(list.body()).contains(tier);
        assertThat(browser.open("/console/tiers/" + tier).body())
                .contains("name=\"requestsPerMinute\" inputmode=\"numeric\" value=\"60\"");
    }

    @Test
    void aGroupIsCreatedEditedAndDeleted(TestApi api) {
        ConsoleUsers.Person admin = ConsoleUsers.create(api, USER_ADMIN);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());
        browser.open("/console/groups/new");
        String name = Names.unique("readers");

        TestResponse created = browser.post("/console/groups/new", Map.of("name", name, "permissions", "models.read"));
        String id = api.asAdmin().get("/api/v1/system/groups").json().get("data").valueStream()
                .filter(g -> g.get("name").asString().equals(name)).findFirst().orElseThrow().get("id").asString();
        TestResponse edited = browser.post("/console/groups/" + id, Map.of("name", name, "description", "they read"));
        TestResponse deleted = browser.post("/console/groups/" + id + "/delete", Map.of());

        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(edited.status()).as(edited.body()).isEqualTo(302);
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(api.asAdmin().get("/api/v1/system/groups/" + id).status()).isEqualTo(404);
    }
}
