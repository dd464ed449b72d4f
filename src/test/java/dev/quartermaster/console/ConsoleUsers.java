package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.Arrays;

/** Users who sign in to the console with a password, made through the admin API. */
final class ConsoleUsers {

    static final String PASSWORD = "correct-horse-battery-staple";

    record Person(String username, String password) {
    }

    private ConsoleUsers() {
    }

    static Person create(TestApi api, String... permissions) {
        String username = Names.unique("person");
        String body = "{\"username\":\"%s\",\"tier\":\"free\",\"password\":\"%s\",\"permissions\":%s}".formatted(
                username, PASSWORD, Arrays.stream(permissions).map(p -> "\"" + p + "\"").toList());
        TestResponse created = api.asAdmin().post("/api/v1/system/users", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Person(username, PASSWORD);
    }

    static Person admin(TestApi api) {
        return create(api, "aiProviders.read", "aiProviders.create", "aiProviders.update", "aiProviders.delete",
                "users.read", "users.create", "users.update", "models.read", "models.create", "audit.read");
    }
}
