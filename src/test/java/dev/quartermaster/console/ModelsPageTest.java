package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestCatalog;
import dev.quartermaster.support.TestResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The Models page over plain HTTP: the API's search and paging, drafts and publishing, copies, deletes, exports. */
@QuartermasterTest
class ModelsPageTest {

    static final String[] EDITOR = {"models.read", "models.create", "models.update", "models.delete"};

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSearchPagesOnTheServerAndEachFilterNarrowsIt(TestApi api) {
        String prefix = Names.unique("paged");
        String items = IntStream.rangeClosed(1, 55).mapToObj(i -> """
                {"name": "%s %02d", "value": "%s-%02d", "provider": "openai"}""".formatted(prefix, i, prefix, i))
                .collect(Collectors.joining(","));
        assertThat(api.asAdmin().post("/api/v5/artifacts/models/create", "{\"models\": [" + items + "]}").status())
                .isEqualTo(200);
        String department = api.asAdmin().post("/api/v1/system/catalog/departments",
                "{\"name\": \"" + Names.unique("dept") + "\"}").json().get("data").get("id").asString();
        String onlyOne = modelId(api, prefix + "-07");
        TestCatalog.update(api, onlyOne, "\"department_ids\": [\"" + department + "\"]");
        ConsoleClient browser = signedIn(api, "models.read");

        TestResponse first = browser.open("/console/models?q=" + prefix);
        TestResponse second = browser.open("/console/models?q=" + prefix + "&offset=50");
        TestResponse filtered = browser.open("/console/models?q=" + prefix + "&department=" + department);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Models 1–50 of 55").contains(prefix + "-50").doesNotContain(prefix + "-51")
                .contains("Next page").doesNotContain("Previous page");
        assertThat(second.body()).contains("Models 51–55 of 55").contains(prefix + "-55").doesNotContain(prefix + "-49<")
                .contains("Previous page").doesNotContain("Next page");
        assertThat(filtered.body()).contains("Models 1–1 of 1").contains(prefix + "-07");
    }

    @Test
    void anEditIsSavedAsADraftThenPublishedAndAuditedUnderTheSignedInUser(TestApi api) {
        String value = Names.unique("edited");
        String id = TestCatalog.create(api, value, "openai", "free", true);
        ConsoleUsers.Person editor = ConsoleUsers.create(api, EDITOR);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(editor.username(), editor.password());
        browser.open("/console/models/" + id);

        TestResponse drafted = browser.post("/console/models/save", form(id, "1", "", "", value, "Draft name", "draft"));
        String draftPage = location(api, drafted);
        TestResponse draft = browser.open(draftPage);
        String draftId = draftPage.substring(draftPage.indexOf("draft=") + 6);
        JsonNode whileDrafted = model(api, id);
        TestResponse published = browser.post("/console/models/save", form(id, "", draftId, "1", value, "Published name",
                "publish"));

        assertThat(drafted.status()).isEqualTo(302);
        assertThat(draft.body()).contains("Your draft, version 1").contains("value=\"Draft name\"");
        assertThat(whileDrafted.get("names").get("value").asString()).isEqualTo(value.toUpperCase());
        assertThat(published.status()).as(published.body()).isEqualTo(302);
        assertThat(location(api, published)).isEqualTo("/console/models/" + id);
        assertThat(model(api, id).get("names").get("value").asString()).isEqualTo("Published name");
        assertThat(jdbc.sql("select actor_name from audit_log where target_id = ? and action = 'update'").param(id)
                .query(String.class).single()).isEqualTo(editor.username());
    }

    @Test
    void publishingOverAChangeMadeMeanwhileIsAConflictOfferingAReload(TestApi api) {
        String value = Names.unique("contested");
        String id = TestCatalog.create(api, value, "openai", "free", true);
        ConsoleClient browser = signedIn(api, EDITOR);
        browser.open("/console/models/" + id);
        TestCatalog.update(api, id, "\"name\": \"Changed elsewhere\"");

        TestResponse saved = browser.post("/console/models/save", form(id, "1", "", "", value, "Mine", "publish"));

        assertThat(saved.status()).isEqualTo(409);
        assertThat(saved.body()).contains("is at version 2, not 1").contains("Reload the current version")
                .contains("value=\"Mine\"");
        assertThat(model(api, id).get("names").get("value").asString()).isEqualTo("Changed elsewhere");
    }

    @Test
    void aNewModelIsDraftedThenPublishedIntoTheCatalog(TestApi api) {
        String value = Names.unique("fresh");
        ConsoleClient browser = signedIn(api, EDITOR);
        browser.open("/console/models/new");

        TestResponse drafted = browser.post("/console/models/save", form("", "", "", "", value, "Fresh", "draft"));
        String draftId = location(api, drafted).replaceAll(".*draft=", "");
        TestResponse draft = browser.open(location(api, drafted));
        TestResponse published = browser.post("/console/models/save", form("", "", draftId, "1", value, "Fresh", "publish"));

        assertThat(location(api, drafted)).startsWith("/console/models/new?draft=");
        assertThat(draft.body()).contains("not in the catalog until you publish").contains("value=\"" + value + "\"");
        assertThat(published.status()).as(published.body()).isEqualTo(302);
        assertThat(location(api, published)).isEqualTo("/console/models/" + modelId(api, value));
    }

    @Test
    void aRefusedFieldIsNamedAndTheFormKeepsWhatWasTyped(TestApi api) {
        ConsoleClient browser = signedIn(api, EDITOR);
        browser.open("/console/models/new");

        Map<String, String> fields = form("", "", "", "", "not a valid value!", "A name", "publish");
        fields.put("context_window", "lots");
        TestResponse refused = browser.post("/console/models/save", fields);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("context_window: must be a whole number of tokens");
    }

    @Test
    void aReaderSeesTheEditorDisabledAndIsRefusedEveryChange(TestApi api) {
        String value = Names.unique("readonly");
        String id = TestCatalog.create(api, value, "openai", "free", true);
        ConsoleClient browser = signedIn(api, "models.read");

        TestResponse view = browser.open("/console/models/" + id);
        TestResponse list = browser.open("/console/models?q=" + value);
        TestResponse save = browser.post("/console/models/save", form(id, "1", "", "", value, "Nope", "publish"));
        TestResponse duplicate = browser.post("/console/models/" + id + "/duplicate", Map.of());
        TestResponse delete = browser.post("/console/models/" + id + "/delete", Map.of());
        TestResponse blank = browser.open("/console/models/new");

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).contains("<fieldset disabled").doesNotContain(">Publish<");
        assertThat(list.body()).contains(">View<").doesNotContain(">Duplicate<").doesNotContain("New model");
        assertThat(save.status()).isEqualTo(403);
        assertThat(duplicate.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(blank.status()).isEqualTo(403);
        assertThat(model(api, id).get("names").get("value").asString()).isEqualTo(value.toUpperCase());
    }

    @Test
    void duplicatingOpensTheCopyAndDeletingAsksFirst(TestApi api) {
        String value = Names.unique("copied");
        String id = TestCatalog.create(api, value, "openai", "free", true);
        ConsoleClient browser = signedIn(api, EDITOR);
        browser.open("/console/models");

        TestResponse duplicated = browser.post("/console/models/" + id + "/duplicate", Map.of());
        String copy = modelId(api, value + "-copy");
        TestResponse confirm = browser.open("/console/models/" + copy + "/delete");
        TestResponse deleted = browser.post("/console/models/" + copy + "/delete", Map.of());

        assertThat(location(api, duplicated)).isEqualTo("/console/models/" + copy);
        assertThat(confirm.body()).contains("Delete " + value.toUpperCase() + " (copy)?");
        assertThat(location(api, deleted)).isEqualTo("/console/models");
        assertThat(api.asAdmin().post("/api/v5/artifacts/models/get", "{\"model_id\": \"" + copy + "\"}").json()
                .get("model_exists").booleanValue()).isFalse();
    }

    @Test
    void theExportIsDownloadedAsCsvByItsMakerOnly(TestApi api) {
        String value = Names.unique("exported");
        TestCatalog.create(api, value, "openai", "free", true);
        ConsoleClient browser = signedIn(api, "models.read");
        browser.open("/console/models");

        TestResponse exported = browser.post("/console/models/export", Map.of());
        String download = location(api, exported);
        TestResponse file = browser.open(download);
        ConsoleClient other = signedIn(api, "models.read");
        TestResponse notTheirs = other.open(download);

        assertThat(exported.status()).isEqualTo(302);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("text/csv");
        assertThat(file.header("Content-Disposition")).startsWith("attachment");
        assertThat(file.body()).startsWith("model_id,value,name").contains(value);
        assertThat(notTheirs.status()).isEqualTo(404);
    }

    private static ConsoleClient signedIn(TestApi api, String... permissions) {
        ConsoleUsers.Person person = ConsoleUsers.create(api, permissions);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());
        return browser;
    }

    private static Map<String, String> form(String modelId, String modelVersion, String draftId, String draftVersion,
                                            String value, String name, String intent) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("model_id", modelId);
        form.put("model_version", modelVersion);
        form.put("draft_id", draftId);
        form.put("draft_version", draftVersion);
        form.put("name", name);
        form.put("value", value);
        form.put("provider", "openai");
        form.put("tier", "free");
        form.put("active", "true");
        form.put("intent", intent);
        return form;
    }

    /** Where a redirect goes, as a path on the server. */
    private static String location(TestApi api, TestResponse response) {
        return response.header("Location").replace(api.base(), "");
    }

    private static JsonNode model(TestApi api, String id) {
        return api.asAdmin().post("/api/v5/artifacts/models/get", "{\"model_id\": \"" + id + "\"}").json();
    }

    private static String modelId(TestApi api, String value) {
        JsonNode found = api.asAdmin().post("/api/v5/artifacts/models/search",
                "{\"search\": \"" + value + "\", \"page_size\": 500}").json().get("models");
        for (JsonNode m : found) {
            if (m.get("value").asString().equals(value)) {
                return m.get("model_id").asString();
            }
        }
        throw new AssertionError("no model " + value);
    }
}
