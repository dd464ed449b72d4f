package dev.quartermaster.identity;

import dev.quartermaster.identity.authentication.Authenticator;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;

@QuartermasterTest
class ApiKeyTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Authenticator authenticator;

    @Test
    void aNewKeyIsShownOnceAndStoredOnlyAsAKeyedHash(TestApi api) {
        TestUsers.TestUser user = TestUsers.create(api, "free");

        TestResponse listed = api.asAdmin().get("/api/v1/system/users/" + user.id() + "/api-keys");
        JsonNode entry = listed.json().get("data").get(0);
        List<Map<String, Object>> rows = jdbc.sql("select * from api_keys where user_id = ?").param(user.id())
                .query().listOfRows();

        assertThat(user.key()).startsWith("qm_").hasSize(46);
        assertThat(listed.body()).doesNotContain(user.key());
        assertThat(entry.has("key")).isFalse();
        assertThat(user.key()).startsWith(entry.get("prefix").stringValue());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().toString()).doesNotContain(user.key().substring(11));
        assertThat((byte[]) rows.getFirst().get("hash")).hasSize(32);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce(TestApi api) {
        TestUsers.TestUser user = TestUsers.create(api, "free");
        assertThat(api.withKey(user.key()).get("/api/v1/system/me").status()).isEqualTo(200);
        String keyId = api.asAdmin().get("/api/v1/system/users/" + user.id() + "/api-keys")
                .json().get("data").get(0).get("id").stringValue();

        TestResponse revoked = api.asAdmin().delete("/api/v1/system/users/" + user.id() + "/api-keys/" + keyId);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("data").get("revokedAt").isNull()).isFalse();
        assertThat(api.from("127.0.0.4").withKey(user.key()).get("/api/v1/system/me").status()).isEqualTo(401);
    }

    @Test
    void useOfAKeyIsRecordedAsLastUsed(TestApi api) {
        TestUsers.TestUser user = TestUsers.create(api, "free");
        api.withKey(user.key()).get("/api/v1/system/me");

        authenticator.flushLastUsed();

        JsonNode key = api.asAdmin().get("/api/v1/system/users/" + user.id() + "/api-keys").json().get("data").get(0);
        assertThat(key.get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void keysOfAnUnknownUserAre404(TestApi api) {
        TestResponse created = api.asAdmin()
                .post("/api/v1/system/users/00000000-0000-0000-0000-000000000001/api-keys", "{\"name\":\"x\"}");

        assertThat(created.status()).isEqualTo(404);
    }
}
