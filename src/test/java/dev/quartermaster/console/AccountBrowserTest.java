package dev.quartermaster.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** My account in a real browser, for a user with no permissions at all. */
@QuartermasterTest
// a server of their own: sign-ins from the browser's 127.0.0.1 are not throttled by other tests' failures
@TestPropertySource(properties = "qm.test.server=browser")
class AccountBrowserTest {

    private static Chromium chromium;

    BrowserContext context;
    Page page;
    TestApi api;
    ConsoleUsers.Person person;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @BeforeEach
    void open(TestApi api) {
        this.api = api;
        context = chromium.browser().newContext(new Browser.NewContextOptions().setBaseURL(api.base()));
        page = context.newPage();
        person = ConsoleUsers.create(api);
        ConsoleBrowserTest.signIn(page, person.username(), person.password());
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aUserSeesTheirTiersModelsAndChoosesTheirPreferredOne() {
        String free = Names.unique("free-model");
        String pro = Names.unique("pro-model");
        TestCatalog.create(api, free, "openai", "free", true);
        TestCatalog.create(api, pro, "openai", "pro", true);
        page.navigate("/console/account");

        Locator models = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("My models"));
        assertThat(models.getByText(free, new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(models.getByText(pro, new Locator.GetByTextOptions().setExact(true))).hasCount(0);
        page.getByLabel("Model used when a request names none").selectOption(free);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save preferred model")).click();

        assertThat(page.getByLabel("Model used when a request names none")).hasValue(free);
        assertThat(api.withKey(apiKeyOf()).get("/v1/ai/preferences").json().get("model").asString()).isEqualTo(free);
    }

    @Test
    void aUserAddsAKeyTheProviderAcceptsSeesItMaskedAndDeletesIt() {
        page.navigate("/console/account");
        page.getByLabel("Provider", new Page.GetByLabelOptions().setExact(true)).selectOption("openai");
        page.getByLabel("API key").fill("good-console-key-123456789");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add key")).click();

        Locator keys = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("My provider keys"));
        assertThat(keys.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("openai")))
                .containsText("****6789");
        assertThat(keys).containsText("works");
        assertThat(page.content()).doesNotContain("good-console-key-123456789");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my openai key")).click();
        assertThat(page.getByText("You have no keys of your own.")).isVisible();
    }

    @Test
    void aKeyTheProviderRefusesIsNotStoredAndTheReasonIsShown() {
        page.navigate("/console/account");
        page.getByLabel("Provider", new Page.GetByLabelOptions().setExact(true)).selectOption("anthropic");
        page.getByLabel("API key").fill("wrong-console-key-000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add key")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("the provider refused this key; nothing was stored");
        assertThat(page.getByText("You have no keys of your own.")).isVisible();
    }

    /** An API key for the person, to read back through seed 000 what the console stored. */
    private String apiKeyOf() {
        String id = api.asAdmin().get("/api/v1/system/users?limit=1000").json().get("data").valueStream()
                .filter(u -> u.get("username").asString().equals(person.username())).findFirst().orElseThrow()
                .get("id").asString();
        return api.asAdmin().post("/api/v1/system/users/" + id + "/api-keys", "{\"name\":\"read-back\"}").json()
                .get("data").get("key").asString();
    }
}
