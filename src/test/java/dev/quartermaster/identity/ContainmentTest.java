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
}
