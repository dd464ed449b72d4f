package dev.quartermaster.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The API keys page in a real browser: a new key is shown once, can be copied, works, and can be revoked. */
@QuartermasterTest
// a server of their own: sign-ins from the browser's 127.0.0.1 are not throttled by other tests' failures
@TestPropertySource(properties = "qm.test.server=browser")
class ApiKeysBrowserTest {

    private static Chromium chromium;

    BrowserContext context;
    Page page;
    TestApi api;
    ConsoleUsers.Person admin;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @BeforeEach
    void open(TestApi api) {
        this.api = api;
        context = chromium.browser().newContext(new Browser.NewContextOptions().setBaseURL(api.base()));
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page = context.newPage();
        admin = ConsoleUsers.admin(api);
        ConsoleBrowserTest.signIn(page, admin.username(), admin.password());
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aNewKeyIsShownOnceCopiedAndWorksUntilRevoked() {
        ConsoleUsers.Person someone = ConsoleUsers.create(api);
        page.navigate("/console/keys");
        page.getByLabel("User", new Page.GetByLabelOptions().setExact(true)).fill(someone.username());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show keys")).click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("laptop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();

        String key = page.locator("#new-key").textContent().strip();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy the key")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copied"))).isVisible();
        Object copied = page.evaluate("() => navigator.clipboard.readText()");
        TestApi withKey = api.withKey(key);

        assertThat(key).startsWith("qm_");
        assertThat(copied).isEqualTo(key);
        assertThat(withKey.get("/api/v1/system/me").json().get("data").get("username").asString())
                .isEqualTo(someone.username());

        page.navigate("/console/keys?user=" + someone.username());
        assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName("laptop"))).isVisible();
        assertThat(page.content()).doesNotContain(key);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke laptop")).click();

        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("revoked"))).isVisible();
        assertThat(withKey.get("/api/v1/system/me").status()).isEqualTo(401);
    }
}
