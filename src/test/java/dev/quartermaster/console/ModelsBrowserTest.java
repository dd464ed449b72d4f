package dev.quartermaster.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The Models page in a real browser: search, the editor's drafts and a parallel edit's conflict, escaping. */
@QuartermasterTest
// a server of their own: sign-ins from the browser's 127.0.0.1 are not throttled by other tests' failures
@TestPropertySource(properties = "qm.test.server=browser")
class ModelsBrowserTest {

    private static Chromium chromium;

    BrowserContext context;
    Page page;
    TestApi api;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @BeforeEach
    void open(TestApi api) {
        this.api = api;
        context = chromium.browser().newContext(new Browser.NewContextOptions().setBaseURL(api.base())
                .setAcceptDownloads(true));
        page = context.newPage();
        ConsoleUsers.Person editor = ConsoleUsers.create(api, ModelsPageTest.EDITOR);
        ConsoleBrowserTest.signIn(page, editor.username(), editor.password());
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void anEditPublishedOverAParallelEditSaysSoAndTheReloadShowsTheOtherChange() {
        String value = Names.unique("parallel");
        String id = TestCatalog.create(api, value, "openai", "free", true);
        search(value);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit " + value.toUpperCase())).click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("My name");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
        assertThat(page.getByText("Your draft, version 1")).isVisible();

        TestCatalog.update(api, id, "\"name\": \"Their name\"");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("is at version 2, not 1");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("My name");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reload the current version")).click();
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("Their name");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Agreed name");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Edit Agreed name");
    }

    @Test
    void aFilterChosenFromItsListNarrowsTheSearch() {
        String prefix = Names.unique("filtered");
        TestCatalog.create(api, prefix + "-a", "openai", "free", true);
        String chosen = TestCatalog.create(api, prefix + "-b", "openai", "free", true);
        String department = Names.unique("dept");
        String departmentId = api.asAdmin().post("/api/v1/system/catalog/departments",
                "{\"name\": \"" + department + "\"}").json().get("data").get("id").asString();
        TestCatalog.update(api, chosen, "\"department_ids\": [\"" + departmentId + "\"]");

        search(prefix);
        assertThat(page.getByText("Models 1–2 of 2")).isVisible();
        page.getByLabel("Department").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(department + " (1)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();

        assertThat(page.getByText("Models 1–1 of 1")).isVisible();
        assertThat(page.getByRole(AriaRole.ROWHEADER)).hasText((prefix + "-b").toUpperCase());
    }

    @Test
    void theExportDownloadsACsvFile() throws IOException {
        String value = Names.unique("download");
        TestCatalog.create(api, value, "openai", "free", true);
        page.navigate("/console/models");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Export all as CSV")).click());

        assertThat(download.suggestedFilename()).startsWith("models-").endsWith(".csv");
        assertThat(Files.readString(download.path())).contains(value);
    }

    @Test
    void aModelNamedLikeAScriptIsShownAsText() {
        String script = "<script>alert(1)</script>";
        String value = Names.unique("xss");
        api.asAdmin().post("/api/v5/artifacts/models/create", """
                {"models": [{"name": "%s", "value": "%s", "description": "%s", "provider": "openai"}]}"""
                .formatted(script, value, script));
        AtomicBoolean dialog = new AtomicBoolean();
        page.onDialog(d -> {
            dialog.set(true);
            d.dismiss();
        });

        search(value);
        assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(script))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit " + script)).click();

        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue(script);
        assertThat(page.getByLabel("Description")).hasValue(script);
        assertThat(dialog).isFalse();
        assertThat(page.content()).doesNotContain(script);
    }

    private void search(String text) {
        page.navigate("/console/models");
        page.getByLabel("Search name, value and description").fill(text);
        page.getByLabel("Search name, value and description").press("Enter");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(text)).first()).isVisible();
    }
}
