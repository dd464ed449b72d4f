package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log page over plain HTTP: each filter, the time range, paging, and who may open it. */
@QuartermasterTest
class AuditPageTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFiltersNarrowByActorActionTargetAndTime(TestApi api) {
        String type = Names.unique("thing");
        String alice = Names.unique("alice");
        String bob = Names.unique("bob");
        entry(alice, "create", type, "t-1", "2026-11-01T10:00:00Z");
        entry(alice, "update", type, "t-1", "2026-11-02T10:00:00Z");
        entry(bob, "update", type, "t-2", "2026-11-03T10:00:00Z");
        ConsoleClient browser = signedIn(api, "audit.read");

        TestResponse all = browser.open("/console/audit?targetType=" + type);
        TestResponse byActor = browser.open("/console/audit?targetType=" + type + "&actor=" + alice);
        TestResponse byAction = browser.open("/console/audit?targetType=" + type + "&actor=" + alice + "&action=update");
        TestResponse byTarget = browser.open("/console/audit?targetType=" + type + "&targetId=t-2");
        TestResponse byTime = browser.open("/console/audit?targetType=" + type
                + "&from=2026-11-02T00:00&to=2026-11-03T00:00");

        assertThat(all.status()).isEqualTo(200);
        assertThat(rows(all)).isEqualTo(3);
        assertThat(all.body().indexOf("2026-11-03 10:00:00")).isLessThan(all.body().indexOf("2026-11-01 10:00:00"));
        assertThat(rows(byActor)).isEqualTo(2);
        assertThat(byActor.body()).doesNotContain(bob);
        assertThat(rows(byAction)).isEqualTo(1);
        assertThat(byAction.body()).contains("2026-11-02 10:00:00");
        assertThat(rows(byTarget)).isEqualTo(1);
        assertThat(byTarget.body()).contains(bob);
        assertThat(rows(byTime)).isEqualTo(1);
        assertThat(byTime.body()).contains("2026-11-02 10:00:00");
    }

    @Test
    void fiftyEntriesAPageAndOlderOnesBehindALink(TestApi api) {
        String type = Names.unique("paged");
        for (int i = 0; i < 52; i++) {
            entry("someone", "update", type, "n-" + i, OffsetDateTime.now(ZoneOffset.UTC).toString());
        }
        ConsoleClient browser = signedIn(api, "audit.read");

        TestResponse first = browser.open("/console/audit?targetType=" + type);
        String older = first.body().replaceAll("(?s).*href=\"([^\"]*before=\\d+)\".*", "$1").replace("&amp;", "&");
        TestResponse second = browser.open(older);

        assertThat(rows(first)).isEqualTo(50);
        assertThat(first.body()).contains("Older entries").contains("n-51").doesNotContain(">n-1<");
        assertThat(rows(second)).isEqualTo(2);
        assertThat(second.body()).contains(">n-1<").contains(">n-0<").contains("Newest entries")
                .doesNotContain("Older entries");
    }

    @Test
    void aMalformedTimeIsA400NamingTheField(TestApi api) {
        ConsoleClient browser = signedIn(api, "audit.read");

        TestResponse page = browser.open("/console/audit?from=yesterday");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("from: must be a date and time in UTC");
    }

    @Test
    void theApiFiltersTheSameWay(TestApi api) {
        String type = Names.unique("api");
        String carol = Names.unique("carol");
        entry(carol, "delete", type, "x", "2026-10-01T00:00:00Z");
        entry("other", "delete", type, "y", "2026-10-01T00:00:00Z");

        TestResponse found = api.asAdmin().get("/api/v1/system/audit?targetType=" + type + "&actor=" + carol
                + "&from=2026-09-30T00:00:00Z&to=2026-10-02T00:00:00Z");

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().get("data")).hasSize(1);
        assertThat(found.json().get("data").get(0).get("actorName").asString()).isEqualTo(carol);
    }

    private void entry(String actor, String action, String type, String target, String at) {
        jdbc.sql("""
                insert into audit_log (at, actor_name, action, target_type, target_id, details)
                values (cast(? as timestamptz), ?, ?, ?, ?, '{}'::jsonb)""")
                .params(at, actor, action, type, target).update();
    }

    private static int rows(TestResponse page) {
        return page.body().split("<tr>", -1).length - 2;
    }

    private static ConsoleClient signedIn(TestApi api, String... permissions) {
        ConsoleUsers.Person person = ConsoleUsers.create(api, permissions);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());
        return browser;
    }
}
