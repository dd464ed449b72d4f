package dev.quartermaster.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import dev.quartermaster.gateway.usage.MeteredRows;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The console in a real browser: signing in and out, what a user without permissions sees, escaping. */
@QuartermasterTest
// a server of their own: sign-ins from the browser's 127.0.0.1 are not throttled by other tests' failures
@TestPropertySource(properties = "qm.test.server=browser")
class ConsoleBrowserTest {

    private static Chromium chromium;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
        context = chromium.browser().newContext(new Browser.NewContextOptions().setBaseURL(api.base()));
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    static void signIn(Page page, String username, String password) {
        page.navigate("/");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheConsoleUntilSignOut() {
        ConsoleUsers.Person person = ConsoleUsers.create(api);

        signIn(page, person.username(), "not-the-password");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The username or password is not right.");
        assertThat(page.getByLabel("Username")).hasValue(person.username());

        signIn(page, person.username(), person.password());
        assertThat(page).hasURL(api.base() + "/console/account");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My account"))).isVisible();
        Cookie session = sessionCookie(context);
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
        assertThat(session.secure).isFalse();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out " + person.username())).click();
        assertThat(page.getByLabel("Password")).isVisible();
        BrowserContext replay = chromium.browser().newContext(new Browser.NewContextOptions().setBaseURL(api.base()));
        replay.addCookies(List.of(new Cookie("qm_session", session.value).setUrl(api.base())));
        Page again = replay.newPage();
        again.navigate("/console/account");
        assertThat(again.getByLabel("Username")).isVisible();
        replay.close();
    }

    @Test
    void aUserWithoutAdminPermissionsSeesOnlyMyAccountAndIsRefusedAdminPages() {
        ConsoleUsers.Person person = ConsoleUsers.create(api);

        signIn(page, person.username(), person.password());
        List<String> menu = page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK).allTextContents();

        assertThat(menu).containsExactly("My account");
        for (String path : ADMIN_PAGES) {
            Response refused = page.navigate(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("403 Forbidden");
        }
    }

    @Test
    void theUsageChartIsDrawnByUPlotFromTheTableOfDays() {
        ConsoleUsers.Person spender = ConsoleUsers.create(api);
        java.util.UUID user = jdbc.sql("select id from users where username = ?").param(spender.username())
                .query(java.util.UUID.class).single();
        String model = Names.unique("charted");
        MeteredRows rows = new MeteredRows(jdbc);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        rows.daily(today.minusDays(2), user, model, "openai", "managed", 2, 20, 40, MeteredRows.USD);
        rows.daily(today.minusDays(1), user, model, "openai", "managed", 4, 40, 80, 3 * MeteredRows.USD);
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        signIn(page, admin.username(), admin.password());

        page.navigate("/console/usage?model=" + model);

        assertThat(page.locator(".chart[data-drawn='true'] canvas")).hasCount(1);
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Spend by day (USD)"))
                .getByRole(AriaRole.ROW)).hasCount(3);
    }

    /** Text from every field the new pages show (a group, a user, their audit entries) stays text. */
    @Test
    void aScriptInAGroupOrUserOrAuditEntryIsShownAsText() {
        String script = "<script>alert(1)</script>";
        String group = api.asAdmin().post("/api/v1/system/groups", """
                {"name": "%s %s", "description": "%s"}""".formatted(script, Names.unique("g"), script)).json()
                .get("data").get("id").asString();
        api.asAdmin().post("/api/v1/system/users", """
                {"username": "%s", "displayName": "%s"}""".formatted(Names.unique("shown"), script));
        AtomicBoolean dialog = new AtomicBoolean();
        page.onDialog(d -> {
            dialog.set(true);
            d.dismiss();
        });
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        signIn(page, admin.username(), admin.password());

        for (String path : List.of("/console/groups", "/console/users?offset=0", "/console/audit?targetId=" + group,
                "/console/groups/" + group)) {
            page.navigate(path);
            assertThat(page.getByText(script).or(page.locator("input[value*='<script>']")).first()).isVisible();
            assertThat(page.content()).as(path).doesNotContain(script);
        }
        assertThat(dialog).isFalse();
    }

    @Test
    void aModelNamedLikeAScriptIsShownAsText() {
        String script = "<script>alert(1)</script>";
        api.asAdmin().post("/api/v1/system/ai/providers", """
                {"name": "%s", "provider": "openai_like", "apiBaseUrl": "http://127.0.0.1:9/v1",
                 "apiKey": "sk-escaping-0000", "modelName": "%s"}""".formatted(script, script));
        AtomicBoolean dialog = new AtomicBoolean();
        page.onDialog(d -> {
            dialog.set(true);
            d.dismiss();
        });
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);

        signIn(page, admin.username(), admin.password());
        page.navigate("/console/providers");

        assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(script)).first()).isVisible();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(script).setExact(true)).first())
                .isVisible();
        assertThat(dialog).isFalse();
        assertThat(page.content()).doesNotContain(script).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void theConsoleIsUsableWithTheKeyboardAlone() {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        page.navigate("/");
        assertThat(page.getByLabel("Username")).isFocused();

        page.keyboard().type(person.username());
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Password")).isFocused();
        page.keyboard().type(person.password());
        page.keyboard().press("Enter");
        assertThat(page).hasURL(api.base() + "/console/account");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"))).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My account"))).isFocused();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");

        assertThat(page.getByLabel("Password")).isVisible();
    }

    @Test
    void aNarrowScreenNeedsNoSidewaysScrolling() {
        api.asAdmin().post("/api/v1/system/ai/providers", """
                {"name": "a-provider-with-a-rather-long-name", "provider": "openai_like",
                 "apiBaseUrl": "http://127.0.0.1:9/a/rather/long/path/v1", "apiKey": "sk-narrow-0000000000", "modelName": "m"}""");
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        page.setViewportSize(360, 740);
        signIn(page, admin.username(), admin.password());

        for (String path : PAGES) {
            page.navigate(path);
            Object wider = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
            assertThat(wider).as(path).isEqualTo(false);
        }
    }

    /** Every page loads its styles and scripts, and the browser reports no error (a CSP refusal, a missing asset). */
    @Test
    void everyPageRendersWithItsAssetsAndNoBrowserError() {
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                problems.add(m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().contains("/console/sign")) {
                problems.add(r.status() + " " + r.url());
            }
        });
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        signIn(page, admin.username(), admin.password());

        for (String path : PAGES) {
            page.navigate(path);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
            Object styled = page.evaluate("() => getComputedStyle(document.body).fontFamily.includes('system-ui')"
                    + " && typeof htmx === 'object'");
            assertThat(styled).as(path).isEqualTo(true);
        }
        assertThat(problems).isEmpty();
    }

    private static final List<String> PAGES = List.of("/", "/console/providers", "/console/providers/new", "/console/models",
            "/console/models/new", "/console/audit", "/console/users", "/console/users/new", "/console/groups",
            "/console/groups/new", "/console/tiers", "/console/usage", "/console/keys", "/console/taxonomy/pricing",
            "/console/taxonomy/flags", "/console/account");

    private static final List<String> ADMIN_PAGES = List.of("/console/providers", "/console/providers/new",
            "/console/models", "/console/models/new", "/console/audit", "/console/users", "/console/users/new",
            "/console/groups", "/console/groups/new", "/console/tiers", "/console/tiers/free", "/console/usage",
            "/console/keys", "/console/taxonomy/pricing");

    static Cookie sessionCookie(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("qm_session")).findFirst().orElseThrow();
    }
}
