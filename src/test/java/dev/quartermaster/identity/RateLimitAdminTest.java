package dev.quartermaster.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import dev.quartermaster.support.TestUsers.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The rate limits of tiers and API keys on the admin API: validated, persisted, managed like their owners. */
@QuartermasterTest
class RateLimitAdminTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTiersLimitsArePutPatchedAndStored(TestApi api) {
        TestApi admin = api.asAdmin();
        String tier = tier(admin);
        String path = "/api/v1/system/tiers/" + tier + "/rate-limits";

        JsonNode before = admin.get(path).json().get("data");
        TestResponse put = admin.put(path, "{\"requestsPerMinute\": 60, \"tokensPerMinute\": 100000, \"concurrentStreams\": 0}");
        TestResponse patched = admin.patch(path, "{\"tokensPerMinute\": null}");
        TestResponse replaced = admin.put(path, "{\"concurrentStreams\": 4}");
        Map<String, Object> row = jdbc.sql("select * from tier_rate_limits where tier = ?").param(tier).query().singleRow();

        assertThat(before.get("requestsPerMinute").isNull()).isTrue();
        assertThat(before.has("concurrentStreams")).as("every field is shown, null when unlimited").isTrue();
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("data").get("concurrentStreams").intValue()).isZero();
        assertThat(patched.json().get("data").get("requestsPerMinute").intValue()).as("a PATCH keeps what it does not send")
                .isEqualTo(60);
        assertThat(patched.json().get("data").get("tokensPerMinute").isNull()).isTrue();
        assertThat(replaced.json().get("data").get("requestsPerMinute").isNull()).as("a PUT sets all three").isTrue();
        assertThat(admin.get(path).json().get("data").get("concurrentStreams").intValue()).isEqualTo(4);
        assertThat(row).containsEntry("requests_per_minute", null).containsEntry("concurrent_streams", 4);
    }

    @Test
    void clearingEveryLimitRemovesTheRowAndDeletingTheTierRemovesItsLimits(TestApi api) {
        TestApi admin = api.asAdmin();
        String tier = tier(admin);
        String other = tier(admin);
        admin.put("/api/v1/system/tiers/" + tier + "/rate-limits", "{\"requestsPerMinute\": 5}");
        admin.put("/api/v1/system/tiers/" + other + "/rate-limits", "{\"requestsPerMinute\": 5}");

        admin.put("/api/v1/system/tiers/" + tier + "/rate-limits", "{}");
        TestResponse deleted = admin.delete("/api/v1/system/tiers/" + other);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from tier_rate_limits where tier in (?, ?)").params(tier, other)
                .query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "\"10\"", "1.5", "true", "3000000000", "{}"})
    void aLimitMustBeAWholeNumberFromZero(String value, TestApi api) {
        TestApi admin = api.asAdmin();
        String tier = tier(admin);
        TestUser user = TestUsers.create(api, "free");
        String keyPath = "/api/v1/system/users/" + user.id() + "/api-keys/" + keyId(admin, user) + "/rate-limits";

        TestResponse tierRefused = admin.patch("/api/v1/system/tiers/" + tier + "/rate-limits",
                "{\"tokensPerMinute\": " + value + "}");
        TestResponse keyRefused = admin.put(keyPath, "{\"requestsPerMinute\": 1, \"concurrentStreams\": " + value + "}");

        assertThat(tierRefused.status()).isEqualTo(400);
        assertThat(tierRefused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tierRefused.json().get("errors").get(0).get("field").stringValue()).isEqualTo("tokensPerMinute");
        assertThat(keyRefused.status()).isEqualTo(400);
        assertThat(keyRefused.json().get("errors").get(0).get("field").stringValue()).isEqualTo("concurrentStreams");
        assertThat(admin.get(keyPath).json().get("data").get("requestsPerMinute").isNull())
                .as("a refused body changes nothing").isTrue();
    }

    @Test
    void unknownFieldsTiersAndKeysAreRefused(TestApi api) {
        TestApi admin = api.asAdmin();
        TestUser user = TestUsers.create(api, "free");
        TestUser other = TestUsers.create(api, "free");

        TestResponse typo = admin.patch("/api/v1/system/tiers/free/rate-limits", "{\"requestPerMinute\": 5}");
        TestResponse noTier = admin.put("/api/v1/system/tiers/" + Names.unique("none") + "/rate-limits", "{}");
        TestResponse someoneElsesKey = admin.put("/api/v1/system/users/" + user.id() + "/api-keys/"
                + keyId(admin, other) + "/rate-limits", "{\"requestsPerMinute\": 5}");
        TestResponse notAnObject = admin.put("/api/v1/system/tiers/free/rate-limits", "[1]");

        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("errors").get(0).get("field").stringValue()).isEqualTo("requestPerMinute");
        assertThat(noTier.status()).isEqualTo(404);
        assertThat(someoneElsesKey.status()).isEqualTo(404);
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from tier_rate_limits where tier = 'free'").query(Long.class).single()).isZero();
    }

    @Test
    void aKeysLimitsAreStoredAndGoWithTheKey(TestApi api) {
        TestApi admin = api.asAdmin();
        TestUser user = TestUsers.create(api, "free");
        String keyId = keyId(admin, user);
        String path = "/api/v1/system/users/" + user.id() + "/api-keys/" + keyId + "/rate-limits";

        TestResponse put = admin.put(path, "{\"requestsPerMinute\": 30, \"concurrentStreams\": 2}");
        TestResponse patched = admin.patch(path, "{\"tokensPerMinute\": 5000}");
        JsonNode read = admin.get(path).json().get("data");
        admin.delete("/api/v1/system/users/" + user.id());

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(patched.json().get("data").get("requestsPerMinute").intValue()).isEqualTo(30);
        assertThat(read.get("tokensPerMinute").intValue()).isEqualTo(5000);
        assertThat(read.get("concurrentStreams").intValue()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from api_key_rate_limits where api_key_id = ?::uuid").param(keyId)
                .query(Long.class).single()).as("deleted with its key").isZero();
    }

    @Test
    void settingLimitsNeedsTheSamePermissionsAsTheTierOrTheKey(TestApi api) {
        TestUser reader = TestUsers.create(api, "free", "users.read");
        TestUser manager = TestUsers.create(api, "free", "users.read", "users.update");
        TestUser powerful = TestUsers.create(api, "free", "users.read", "users.update", "audit.read");
        String tier = tier(api.asAdmin());
        String tierPath = "/api/v1/system/tiers/" + tier + "/rate-limits";
        String keyPath = "/api/v1/system/users/" + powerful.id() + "/api-keys/" + keyId(api.asAdmin(), powerful)
                + "/rate-limits";
        String ownKeyPath = "/api/v1/system/users/" + reader.id() + "/api-keys/" + keyId(api.asAdmin(), reader)
                + "/rate-limits";

        assertThat(api.withKey(reader.key()).get(tierPath).status()).isEqualTo(200);
        assertThat(api.withKey(reader.key()).put(tierPath, "{\"requestsPerMinute\": 1}").status()).isEqualTo(403);
        assertThat(api.withKey(reader.key()).put(ownKeyPath, "{\"requestsPerMinute\": 1}").status()).isEqualTo(403);
        assertThat(api.withKey(manager.key()).put(tierPath, "{\"requestsPerMinute\": 1}").status()).isEqualTo(200);
        assertThat(api.withKey(manager.key()).put(ownKeyPath, "{\"requestsPerMinute\": 1}").status()).isEqualTo(200);
        assertThat(api.withKey(manager.key()).put(keyPath, "{\"requestsPerMinute\": 1}").status())
                .as("a key of a user holding more than the caller").isEqualTo(403);
        assertThat(api.get(tierPath).status()).isEqualTo(401);
    }

    private static String tier(TestApi admin) {
        String tier = Names.unique("rla");
        assertThat(admin.post("/api/v1/system/tiers", "{\"name\": \"" + tier + "\", \"rank\": " + Names.uniqueRank() + "}")
                .status()).isEqualTo(201);
        return tier;
    }

    private static String keyId(TestApi admin, TestUser user) {
        return admin.get("/api/v1/system/users/" + user.id() + "/api-keys").json().get("data").get(0).get("id").stringValue();
    }
}
