package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Providers page over plain HTTP: each action needs the API's permission, writes are audited, stale edits conflict. */
@QuartermasterTest
class ProvidersPageTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReaderSeesTheListWithoutActionsAndIsRefusedEachOfThem(TestApi api) {
        String id = profile(api, Names.unique("readable"));
        ConsoleUsers.Person reader = ConsoleUsers.create(api, "aiProviders.read");
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(reader.username(), reader.password());

        TestResponse list = browser.open("/console/providers");
        TestResponse edit = browser.open("/console/providers/" + id);
        TestResponse delete = browser.post("/console/providers/" + id + "/delete", Map.of());
        TestResponse activate = browser.post("/console/providers/" + id + "/activate", Map.of());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("****cdef").doesNotContain("sk-page-test-0123456789abcdef")
                .doesNotContain("Edit ").doesNotContain(">Delete<").doesNotContain(">Test<").doesNotContain("New provider");
        assertThat(edit.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(activate.status()).isEqualTo(403);
        assertThat(api.asAdmin().get("/api/v1/system/ai/providers/" + id).status()).isEqualTo(200);
    }

    @Test
    void aWriteFromTheConsoleIsAuditedUnderTheSignedInUser(TestApi api) {
        String id = profile(api, Names.unique("audited"));
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());
        browser.open("/console/providers/" + id + "/delete");

        TestResponse deleted = browser.post("/console/providers/" + id + "/delete", Map.of());

        assertThat(deleted.status()).isEqualTo(302);
        assertThat(jdbc.sql("select actor_name from audit_log where target_id = ? and action = 'delete'").param(id)
                .query(String.class).single()).isEqualTo(admin.username());
    }

    @Test
    void anEditOfAVersionSomeoneElseChangedIsAConflictOfferingAReload(TestApi api) {
        String name = Names.unique("contested");
        String id = profile(api, name);
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());
        browser.open("/console/providers/" + id);
        api.asAdmin().patch("/api/v1/system/ai/providers/" + id, "{\"description\": \"changed elsewhere\"}");

        Map<String, String> form = new HashMap<>(Map.of("name", name, "provider", "openai_like",
                "apiBaseUrl", "http://127.0.0.1:9/v1", "modelName", "m", "description", "mine", "version", "0"));
        TestResponse saved = browser.post("/console/providers/" + id, form);

        assertThat(saved.status()).isEqualTo(409);
        assertThat(saved.body()).contains("changed by someone else").contains("Reload the current version");
        assertThat(api.asAdmin().get("/api/v1/system/ai/providers/" + id).json().get("data").get("description")
                .asString()).isEqualTo("changed elsewhere");
    }

    @Test
    void aMalformedIdIsA400PageNotJson(TestApi api) {
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());

        TestResponse page = browser.open("/console/providers/not-a-uuid");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("id: is not a valid value");
    }

    private static String profile(TestApi api, String name) {
        TestResponse created = api.asAdmin().post("/api/v1/system/ai/providers", """
                {"name": "%s", "provider": "openai_like", "apiBaseUrl": "http://127.0.0.1:9/v1",
                 "apiKey": "sk-page-test-0123456789abcdef", "modelName": "m"}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("data").get("id").asString();
    }
}
