package dev.quartermaster.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers.TestUser;
import dev.quartermaster.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user administrator cannot reach, through users, keys or groups, permissions they do not hold. */
@QuartermasterTest
class ContainmentTest {

    TestUser manager;
    TestApi asManager;
    String adminId;

    @BeforeEach
    void setUp(TestApi api) {
        manager = TestUsers.create(api, "free", "users.read", "users.create", "users.update", "users.delete");
        asManager = api.withKey(manager.key());
        adminId = api.asAdmin().get("/api/v1/system/me").json().get("data").get("userId").stringValue();
    }

    @Test
    void grantsOnlyWhatItHolds() {
        TestResponse beyond = asManager.post("/api/v1/system/users",
                "{\"username\": \"" + Names.unique("x") + "\", \"permissions\": [\"aiProviders.read\"]}");
        TestResponse within = asManager.post("/api/v1/system/users",
                "{\"username\": \"" + Names.unique("y") + "\", \"permissions\": [\"users.read\"]}");
        TestResponse selfPromotion = asManager.patch("/api/v1/system/users/" + manager.id(),
                "{\"permissions\": [\"users.read\", \"users.update\", \"audit.read\"]}");

        assertThat(beyond.status()).isEqualTo(403);
        assertThat(beyond.json().get("detail").stringValue()).contains("aiProviders.read");
        assertThat(within.status()).isEqualTo(201);
        assertThat(selfPromotion.status()).isEqualTo(403);
    }

    @Test
    void cannotImpersonateOrRemoveAMorePowerfulUser(TestApi api) {
        assertThat(asManager.post("/api/v1/system/users/" + adminId + "/api-keys", "{\"name\": \"mine now\"}").status())
                .isEqualTo(403);
        assertThat(asManager.patch("/api/v1/system/users/" + adminId, "{\"password\": \"a new password here\"}").status())
                .isEqualTo(403);
        assertThat(asManager.delete("/api/v1/system/users/" + adminId).status()).isEqualTo(403);
        TestUser plain = TestUsers.create(api, "free");
        assertThat(asManager.post("/api/v1/system/users/" + plain.id() + "/api-keys", "{\"name\": \"ok\"}").status())
                .as("a user with nothing the manager lacks").isEqualTo(201);
    }

    @Test
    void cannotReachPermissionsThroughAGroup(TestApi api) {
        String name = Names.unique("powerful");
        api.asAdmin().post("/api/v1/system/groups",
                "{\"name\": \"" + name + "\", \"permissions\": [\"aiProviders.delete\"]}");

        TestResponse joined = asManager.patch("/api/v1/system/users/" + manager.id(), "{\"groups\": [\"" + name + "\"]}");
        TestResponse group = asManager.post("/api/v1/system/groups",
                "{\"name\": \"" + Names.unique("mine") + "\", \"permissions\": [\"models.delete\"]}");

        assertThat(joined.status()).isEqualTo(403);
        assertThat(group.status()).isEqualTo(403);
    }

    @Test
    void confersOnlyGroupsItBelongsTo(TestApi api) {
        String finance = group(api, "finance", "[]");
        TestUser plain = TestUsers.create(api, "free");

        TestResponse joined = asManager.patch("/api/v1/system/users/" + manager.id(), groups(finance));
        TestResponse added = asManager.patch("/api/v1/system/users/" + plain.id(), groups(finance));
        api.asAdmin().patch("/api/v1/system/users/" + manager.id(), groups(finance));
        TestResponse asMember = asManager.patch("/api/v1/system/users/" + plain.id(), groups(finance));

        assertThat(joined.status()).as("a group's shared connections are not the manager's to take").isEqualTo(403);
        assertThat(added.status()).isEqualTo(403);
        assertThat(asMember.status()).as(asMember.body()).isEqualTo(200);
    }

    @Test
    void deletesOnlyGroupsItCouldConfer(TestApi api) {
        String powerful = group(api, "powerful", "[\"aiProviders.delete\"]");
        String foreign = group(api, "foreign", "[]");
        String admins = group(api, "admins", "[]");
        api.asAdmin().patch("/api/v1/system/users/" + adminId, groups(admins));
        String own = group(api, "own", "[]");
        api.asAdmin().patch("/api/v1/system/users/" + manager.id(), groups(admins, own));

        assertThat(asManager.delete("/api/v1/system/groups/" + groupId(api, powerful)).status()).isEqualTo(403);
        assertThat(asManager.delete("/api/v1/system/groups/" + groupId(api, foreign)).status()).isEqualTo(403);
        assertThat(asManager.delete("/api/v1/system/groups/" + groupId(api, admins)).status())
                .as("its members include a more powerful user").isEqualTo(403);
        assertThat(asManager.delete("/api/v1/system/groups/" + groupId(api, own)).status()).isEqualTo(200);
        api.asAdmin().patch("/api/v1/system/users/" + adminId, "{\"groups\": []}");
    }

    @Test
    void setsBudgetsOnlyOfUsersItMayManage(TestApi api) {
        TestUser plain = TestUsers.create(api, "free");

        TestResponse admin = asManager.patch("/api/v1/system/budgets/users/" + adminId, "{\"dailyLimit\": 0}");
        TestResponse ordinary = asManager.patch("/api/v1/system/budgets/users/" + plain.id(), "{\"dailyLimit\": 1}");

        assertThat(admin.status()).isEqualTo(403);
        assertThat(api.asAdmin().get("/api/v1/system/budgets/users/" + adminId).json().get("data").get("dailyLimit")
                .isNull()).isTrue();
        assertThat(ordinary.status()).as(ordinary.body()).isEqualTo(200);
    }

    @Test
    void setsTierBudgetsAndRateLimitsOnlyOfTiersWhoseUsersItMayManage(TestApi api) {
        String adminTier = api.asAdmin().get("/api/v1/system/me").json().get("data").get("tier").stringValue();
        String plainTier = Names.unique("plain");
        api.asAdmin().post("/api/v1/system/tiers", "{\"name\": \"" + plainTier + "\", \"rank\": " + Names.uniqueRank() + "}");
        TestUsers.create(api, plainTier);

        assertThat(asManager.patch("/api/v1/system/budgets/tiers/" + adminTier, "{\"dailyLimit\": 1000000}").status())
                .as("the tier of a more powerful user").isEqualTo(403);
        assertThat(asManager.put("/api/v1/system/tiers/" + adminTier + "/rate-limits", "{\"requestsPerMinute\": 1000000}")
                .status()).isEqualTo(403);
        assertThat(asManager.patch("/api/v1/system/budgets/tiers/" + plainTier, "{\"dailyLimit\": 5}").status())
                .isEqualTo(200);
        assertThat(asManager.put("/api/v1/system/tiers/" + plainTier + "/rate-limits", "{\"requestsPerMinute\": 50}")
                .status()).isEqualTo(200);
    }

    @Test
    void cannotActAsAMemberOfAGroupItIsNotIn(TestApi api) {
        String finance = group(api, "finance", "[]");
        TestUser member = TestUsers.create(api, "free");
        api.asAdmin().patch("/api/v1/system/users/" + member.id(), groups(finance));

        assertThat(asManager.post("/api/v1/system/users/" + member.id() + "/api-keys", "{\"name\": \"as them\"}")
                .status()).isEqualTo(403);
        assertThat(asManager.patch("/api/v1/system/users/" + member.id(), "{\"password\": \"a new password here\"}")
                .status()).isEqualTo(403);
    }

    private static String group(TestApi api, String name, String permissions) {
        String unique = Names.unique(name);
        TestResponse created = api.asAdmin().post("/api/v1/system/groups",
                "{\"name\": \"" + unique + "\", \"permissions\": " + permissions + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return unique;
    }

    private static String groupId(TestApi api, String name) {
        for (var group : api.asAdmin().get("/api/v1/system/groups").json().get("data")) {
            if (group.get("name").stringValue().equals(name)) {
                return group.get("id").stringValue();
            }
        }
        throw new AssertionError("no group " + name);
    }

    private static String groups(String... names) {
        return "{\"groups\": " + java.util.Arrays.stream(names).map(n -> "\"" + n + "\"").toList() + "}";
    }
}
