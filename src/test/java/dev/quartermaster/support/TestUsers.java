package dev.quartermaster.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;

/** Makes users through the admin API, each with a fresh name and an API key. */
public final class TestUsers {

    public record TestUser(UUID id, String username, String key) {
    }

    private TestUsers() {
    }

    public static TestUser create(TestApi api, String tier, String... permissions) {
        String username = Names.unique("user");
        String body = "{\"username\":\"%s\",\"tier\":\"%s\",\"permissions\":%s}".formatted(username, tier,
                Arrays.stream(permissions).map(p -> "\"" + p + "\"").toList());
        TestResponse created = api.asAdmin().post("/api/v1/system/users", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("data").get("id").stringValue());
        TestResponse key = api.asAdmin().post("/api/v1/system/users/" + id + "/api-keys", "{\"name\":\"test\"}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return new TestUser(id, username, key.json().get("data").get("key").stringValue());
    }
}
