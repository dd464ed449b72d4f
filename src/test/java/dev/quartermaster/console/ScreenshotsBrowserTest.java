package dev.quartermaster.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.quartermaster.gateway.usage.MeteredRows;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Screenshots of the main pages, as the README shows them: into {@code target/screenshots}, or into
 * the directory {@code QM_SCREENSHOTS_DIR} names ({@code docs} to refresh the README's).
 */
@QuartermasterTest
@TestPropertySource(properties = "qm.test.server=browser")
class ScreenshotsBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMainPagesAreCapturedAsTheyRender(TestApi api) throws IOException {
        Chromium chromium = Chromium.launch();
        String prefix = Names.unique("shot");
        for (String m : new String[] {"gpt-4o", "claude-sonnet", "gemini-flash", "llama3.2"}) {
            TestCatalog.create(api, prefix + "-" + m, "openai", "free", true);
        }
        ConsoleUsers.Person admin = ConsoleUsers.create(api, "aiProviders.read", "models.read", "models.create",
                "models.update", "models.delete", "users.read", "users.update", "usage.read", "audit.read");
        UUID user = jdbc.sql("select id from users where username = ?").param(admin.username()).query(UUID.class).single();
        MeteredRows rows = new MeteredRows(jdbc);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int day = 0; day < 14; day++) {
            rows.daily(today.minusDays(day), user, prefix + "-gpt-4o", "openai", day % 3 == 0 ? "byok" : "managed",
                    10 + day, 1000L * day, 2000L * day, (day % 5 + 1) * MeteredRows.USD / 4);
        }
        Path dir = Path.of(System.getenv().getOrDefault("QM_SCREENSHOTS_DIR", "target/screenshots"));
        Files.createDirectories(dir);
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(api.base()).setViewportSize(1400, 1150))) {
            Page page = context.newPage();
            ConsoleBrowserTest.signIn(page, admin.username(), admin.password());
            shoot(page, "/console/models?q=" + prefix, dir.resolve("console-models.png"));
            shoot(page, "/console/usage?model=" + prefix + "-gpt-4o", dir.resolve("console-usage.png"));
        }
    }

    private static void shoot(Page page, String path, Path file) {
        page.navigate(path);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
        assertThat(file.toFile().length()).isGreaterThan(10_000);
    }
}
