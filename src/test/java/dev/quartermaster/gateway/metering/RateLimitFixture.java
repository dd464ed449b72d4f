package dev.quartermaster.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import dev.quartermaster.support.TestUsers.TestUser;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tiers, users and keys with rate limits, set through the admin API. */
final class RateLimitFixture {

    private RateLimitFixture() {
    }

    /** A fresh tier with these limits (a JSON object's members, e.g. {@code "requestsPerMinute": 5}). */
    static String tier(TestApi api, String limits) {
        String tier = Names.unique("rl");
        TestResponse created = api.asAdmin().post("/api/v1/system/tiers",
                "{\"name\": \"" + tier + "\", \"rank\": " + Names.uniqueRank() + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TestResponse set = api.asAdmin().put("/api/v1/system/tiers/" + tier + "/rate-limits", "{" + limits + "}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return tier;
    }

    static TestUser user(TestApi api, String tier) {
        return TestUsers.create(api, tier);
    }

    /** The id of the user's first API key. */
    static UUID keyId(TestApi api, TestUser user) {
        TestResponse keys = api.asAdmin().get("/api/v1/system/users/" + user.id() + "/api-keys");
        return UUID.fromString(keys.json().get("data").get(0).get("id").stringValue());
    }

    /** A second key of the user. */
    static UUID newKey(TestApi api, TestUser user) {
        TestResponse key = api.asAdmin().post("/api/v1/system/users/" + user.id() + "/api-keys", "{\"name\": \"more\"}");
        return UUID.fromString(key.json().get("data").get("id").stringValue());
    }

    static void keyLimits(TestApi api, TestUser user, UUID keyId, String limits) {
        TestResponse set = api.asAdmin().put("/api/v1/system/users/" + user.id() + "/api-keys/" + keyId + "/rate-limits",
                "{" + limits + "}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /**
     * Waits, if the database's current minute ends within 15 seconds, for the next one, so that a
     * test's admissions all fall into one window.
     */
    static void freshWindow(JdbcClient jdbc) throws InterruptedException {
        double left = jdbc.sql("select extract(epoch from date_trunc('minute', now()) + interval '1 minute' - now())")
                .query(Double.class).single();
        if (left < 15) {
            Thread.sleep((long) (left * 1000) + 200);
        }
    }
}
