package dev.quartermaster.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.quartermaster.support.FakeServer;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The Providers page in a real browser, against a fake provider. */
@QuartermasterTest
// a server of their own: sign-ins from the browser's 127.0.0.1 are not throttled by other tests' failures
@TestPropertySource(properties = "qm.test.server=browser")
class ProvidersBrowserTest {

    private static final String KEY = "sk-console-test-key-7777";
    private static Chromium chromium;

    BrowserContext context;
    Page page;
    TestApi api;
    FakeServer fake;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @BeforeEach
    void open(TestApi api) {
        this.api = api;
        fake = new FakeServer();
        context = chromium.browser().newContext(new Browser.NewContextOptions().setBaseURL(api.base()));
        page = context.newPage();
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        ConsoleBrowserTest.signIn(page, admin.username(), admin.password());
    }

    @AfterEach
    void close() {
        context.close();
        fake.close();
    }

    @Test
    void anOperatorCreatesAProviderAndTestsItWithoutTheKeyEverShown() {
        fake.replying(r -> Reply.json(200, "{\"choices\": [{\"message\": {\"content\": \"Hello from the fake\"}}]}")
                .delayed(700));
        String name = create();

        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row.getByRole(AriaRole.CELL, new Locator.GetByRoleOptions().setName("****7777"))).isVisible();
        assertThat(page.content()).doesNotContain(KEY);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Test " + name)).click();
        assertThat(row.getByText("Testing…")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My account"))).isEnabled();
        assertThat(row.locator("output")).containsText("Succeeded. Hello from the fake");
        assertThat(row.getByText("Testing…")).isHidden();
        assertThat(fake.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void aTestThatTheProviderRefusesShowsTheProvidersErrorAndTheButtonWorksAgain() {
        fake.replying(r -> Reply.json(401, "{\"error\": {\"message\": \"Incorrect API key provided\"}}"));
        String name = create();

        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Test " + name)).click();

        assertThat(row.getByRole(AriaRole.ALERT)).containsText("HTTP 401 from openai_like: Incorrect API key provided");
        fake.replying(r -> Reply.json(200, "{\"choices\": [{\"message\": {\"content\": \"Now it works\"}}]}"));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Test " + name)).click();
        assertThat(row.locator("output")).containsText("Succeeded. Now it works");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void anEmptyKeyFieldKeepsTheKeyAndClearingIsAnExplicitChoiceTheRulesStillCheck() {
        String name = create();
        edit(name);
        assertThat(page.getByLabel("API key")).hasValue("");
        page.getByLabel("Description").fill("edited");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row.getByRole(AriaRole.CELL, new Locator.GetByRoleOptions().setName("****7777"))).isVisible();

        edit(name);
        page.getByLabel("Clear the stored key").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("apiKey: API Token is required");
        page.getByLabel("Provider").selectOption("ollama");
        page.getByLabel("Clear the stored key").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

        assertThat(row.getByRole(AriaRole.CELL, new Locator.GetByRoleOptions().setName("none"))).isVisible();
        assertThat(row.getByRole(AriaRole.CELL, new Locator.GetByRoleOptions().setName("ollama"))).isVisible();
    }

    @Test
    void aFieldTheRulesRefuseIsNamedOnTheForm() {
        page.navigate("/console/providers/new");
        page.getByLabel("Name").fill(Names.unique("bad"));
        page.getByLabel("Provider").selectOption("openai");
        page.getByLabel("Base URL").fill("ftp://example.com/v1");
        page.getByLabel("Model").fill("gpt-4o");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("apiBaseUrl");
        assertThat(page.getByLabel("Model")).hasValue("gpt-4o");
    }

    @Test
    void deletingAsksFirstThenRemovesTheProfile() {
        String name = create();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Delete " + name)).click();

        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Delete " + name + "?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete")).click();

        assertThat(page).hasURL(api.base() + "/console/providers");
        assertThat(page.getByText(name)).hasCount(0);
    }

    @Test
    void activatingMakesTheProfileTheActiveOne() {
        String name = create();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Activate " + name)).click();

        Locator after = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        assertThat(after.getByRole(AriaRole.CELL, new Locator.GetByRoleOptions().setName("active").setExact(true)))
                .isVisible();
        assertThat(api.asAdmin().get("/api/v1/system/ai/providers/active").json().get("data").get("name").asString())
                .isEqualTo(name);
    }

    private String create() {
        String name = Names.unique("console-provider");
        page.navigate("/console/providers");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New provider")).or(
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New provider"))).first().click();
        page.getByLabel("Name").fill(name);
        page.getByLabel("Provider").selectOption("openai_like");
        page.getByLabel("Base URL").fill(fake.url() + "/v1");
        page.getByLabel("Model").fill("fake-model");
        page.getByLabel("API key").fill(KEY);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page).hasURL(api.base() + "/console/providers");
        return name;
    }

    private void edit(String name) {
        page.navigate("/console/providers");
        page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit " + name)).click();
    }
}
