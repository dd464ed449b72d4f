package dev.quartermaster.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's own Chromium (Debian's {@code chromium} package) driven by Playwright; Playwright's
 * browser download is never used. Without Chromium the browser tests are skipped, saying why,
 * unless {@code QM_BROWSER_TESTS=required} (as CI sets it): then its absence fails them.
 */
final class Chromium {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static boolean told;
    private static Chromium shared;

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Path executable) {
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }

    /**
     * Chromium, started once per test JVM and closed when it exits; or the test is skipped (or, where
     * browser tests are required, failed) with one line saying why.
     */
    static synchronized Chromium launch() {
        if (shared != null) {
            return shared;
        }
        Optional<Path> executable = find();
        if (executable.isEmpty()) {
            String why = "browser tests skipped: no Chromium at " + String.join(" or ", CANDIDATES)
                    + " or $QM_CHROMIUM (apt-get install -y chromium)";
            if ("required".equals(System.getenv("QM_BROWSER_TESTS"))) {
                throw new IllegalStateException("QM_BROWSER_TESTS=required, but " + why);
            }
            tell(why);
            Assumptions.abort(why);
        }
        shared = new Chromium(executable.get());
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        return shared;
    }

    Browser browser() {
        return browser;
    }

    private static Optional<Path> find() {
        return Stream.concat(Stream.ofNullable(System.getenv("QM_CHROMIUM")), CANDIDATES.stream())
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Once per test JVM, on the build's own output: straight to the process's standard error, since
     * surefire keeps what a test prints in its report file.
     */
    private static synchronized void tell(String why) {
        if (!told) {
            told = true;
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8).println(why);
        }
    }

    private void close() {
        browser.close();
        playwright.close();
    }
}
