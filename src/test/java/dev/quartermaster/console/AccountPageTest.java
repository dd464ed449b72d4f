package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** My account's integration connections over plain HTTP: the ones the user may use, and their default per integration. */
@QuartermasterTest
class AccountPageTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUserSeesTheirConnectionsAndChoosesTheDefaultOfAnIntegration(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        UUID user = jdbc.sql("select id from users where username = ?").param(person.username()).query(UUID.class).single();
        String integration = Names.unique("github");
        String first = connection(api, "<script>alert(1)</script>", integration, user);
        String second = connection(api, "Second account", integration, user);
        connection(api, "Someone else's", integration, UUID.fromString(
                api.asAdmin().post("/api/v1/system/users", "{\"username\":\"" + Names.unique("other") + "\",\"tier\":\"free\"}")
                        .json().get("data").get("id").stringValue()));
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());

        TestResponse before = browser.open("/console/account");
        TestResponse chosen = browser.post("/console/account/integrations/" + integration + "/default",
                Map.of("connection_id", second));
        TestResponse after = browser.open("/console/account");

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains("Second account").doesNotContain("Someone else")
                .contains("value=\"" + first + "\"").contains("value=\"" + second + "\"");
        assertThat(chosen.status()).isEqualTo(302);
        assertThat(after.body()).doesNotContain("value=\"" + second + "\"").contains("value=\"" + first + "\"");
        assertThat(jdbc.sql("select connection_id from integration_preferences where user_id = ? and integration_config_id = ?")
                .params(user, integration).query(String.class).single()).isEqualTo(second);
    }

    @Test
    void aConnectionOfAnotherIntegrationIsRefusedWithTheReason(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        UUID user = jdbc.sql("select id from users where username = ?").param(person.username()).query(UUID.class).single();
        String connection = connection(api, "Linear", Names.unique("linear"), user);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());
        browser.open("/console/account");

        TestResponse refused = browser.post("/console/account/integrations/github/default", Map.of("connection_id", connection));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("connection_id: belongs to integration linear");
    }

    private static String connection(TestApi api, String name, String integration, UUID owner) {
        TestResponse created = api.asAdmin().post("/api/v1/system/integrations/connections", """
                {"display_name": "%s", "integration_config_id": "%s", "nango_connection_id": "%s", "owner_user_id": "%s"}
                """.formatted(name, integration, Names.unique("nango"), owner));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("data").get("id").stringValue();
    }
}
