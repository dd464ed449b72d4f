package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.gateway.usage.MeteredRows;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The usage page over plain HTTP: spend by day and month, by model, provider and key source, top users, the log. */
@QuartermasterTest
class UsagePageTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void spendIsShownByDayMonthModelProviderKeySourceAndUser(TestApi api) {
        MeteredRows rows = new MeteredRows(jdbc);
        ConsoleUsers.Person spender = ConsoleUsers.create(api);
        UUID user = jdbc.sql("select id from users where username = ?").param(spender.username()).query(UUID.class).single();
        String model = Names.unique("model");
        rows.daily(LocalDate.parse("2026-01-30"), user, model, "openai", "managed", 3, 30, 60, 2 * MeteredRows.USD);
        rows.daily(LocalDate.parse("2026-02-02"), user, model, "openai", "byok", 1, 10, 20, MeteredRows.USD / 2);
        rows.ledger(Names.unique("req"), 1, Instant.parse("2026-02-02T10:11:12Z"), user, model, "openai", "byok",
                MeteredRows.USD / 2);
        ConsoleClient browser = signedIn(api, "usage.read");

        TestResponse page = browser.open("/console/usage?from=2026-01-01&to=2026-02-28&model=" + model);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-x=\"2026-01-30\" data-y=\"2\"").contains("data-x=\"2026-02-02\"")
                .contains(">2026-01<").contains(">2026-02<")
                .contains(">" + model + "<").contains(">openai<")
                .contains(">byok<").contains(">managed<")
                .contains("<th scope=\"row\">" + spender.username() + "</th>")
                .contains("2026-02-02 10:11:12").contains("<td>" + spender.username() + "</td>");
    }

    @Test
    void aBadFilterIsA400NamingIt(TestApi api) {
        ConsoleClient browser = signedIn(api, "usage.read");

        TestResponse page = browser.open("/console/usage?from=soon&key_source=stolen&user=" + Names.unique("nobody"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("from: must be a day").contains("key_source: must be byok or managed")
                .contains("user: there is no user");
    }

    @Test
    void auditReadersMayOpenItAndOthersMayNot(TestApi api) {
        assertThat(signedIn(api, "audit.read").open("/console/usage").status()).isEqualTo(200);
        assertThat(signedIn(api, "users.read").open("/console/usage").status()).isEqualTo(403);
    }

    private static ConsoleClient signedIn(TestApi api, String... permissions) {
        ConsoleUsers.Person person = ConsoleUsers.create(api, permissions);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());
        return browser;
    }
}
