package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Console sessions over plain HTTP: the sign-in form at the root, the cookie's flags, CSRF on every
 * state change, the shared throttle, sign-out and timeouts ending the session, and the API never
 * taking the cookie.
 */
@QuartermasterTest
class ConsoleSessionTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResourceUrlProvider resourceUrls;

    @Autowired
    SpringTemplateEngine templates;

    @Test
    void aBrowserAtTheRootGetsTheSignInFormAndAnApiClientItsJson(TestApi api) {
        TestResponse page = new ConsoleClient(api).open("/");
        TestResponse json = api.get("/");
        TestResponse withKey = api.asAdmin().withHeader("Accept", "text/html").get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"username\">Username</label>")
                .contains("<label for=\"password\">Password</label>").contains("name=\"_csrf\"");
        assertThat(json.json().get("service").asString()).isEqualTo("quartermaster");
        assertThat(withKey.json().get("service").asString()).isEqualTo("quartermaster");
    }

    @Test
    void signingInSetsAnHttpOnlyLaxSessionCookieThatOpensTheConsole(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        ConsoleClient browser = new ConsoleClient(api);

        TestResponse signedIn = browser.signIn(person.username(), person.password());
        String cookie = ConsoleClient.setCookie(signedIn, "qm_session");
        TestResponse account = browser.open("/console/account");

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/console");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/")
                .doesNotContain("Secure").doesNotContain("Max-Age");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains(person.username());
        assertThat(jdbc.sql("select count(*) from console_sessions where token_hash = convert_to(?, 'UTF8')")
                .param(browser.cookie("qm_session")).query(Long.class).single()).as("only a hash is stored").isZero();
        assertThat(jdbc.sql("select count(*) from console_sessions s join users u on u.id = s.user_id where u.username = ?")
                .param(person.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theApiDoesNotAcceptTheSessionCookie(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());

        TestResponse me = api.withHeader("Cookie", "qm_session=" + browser.cookie("qm_session"))
                .get("/api/v1/system/me");

        assertThat(me.status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefusedAndCountedByTheSameThrottleAsTheApi(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        ConsoleClient browser = new ConsoleClient(api.from("127.0.0.31"));

        TestResponse wrong = browser.signIn(person.username(), "not-the-password");
        for (int i = 1; i < 10; i++) {
            browser.post("/console/sign-in", Map.of("username", person.username(), "password", "wrong-" + i));
        }
        TestResponse evenRight = browser.post("/console/sign-in",
                Map.of("username", person.username(), "password", person.password()));
        TestResponse apiFromThere = api.from("127.0.0.31").asAdmin().get("/api/v1/system/me");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("The username or password is not right.");
        assertThat(ConsoleClient.setCookie(wrong, "qm_session")).isNull();
        assertThat(evenRight.status()).isEqualTo(429);
        assertThat(evenRight.body()).contains("Too many failed sign-ins");
        assertThat(apiFromThere.status()).as("a valid API key is never refused for others' failures").isEqualTo(200);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.open("/");

        TestResponse signIn = browser.postWithout("/console/sign-in",
                Map.of("username", person.username(), "password", person.password()));
        browser.signIn(person.username(), person.password());
        TestResponse signOut = browser.postWithout("/console/sign-out", Map.of());
        TestResponse htmxWithoutHeader = api.withHeader("Cookie", "qm_session=" + browser.cookie("qm_session"))
                .withHeader("HX-Request", "true").send("POST", "/console/sign-out", null, null);

        assertThat(signIn.status()).isEqualTo(403);
        assertThat(ConsoleClient.setCookie(signIn, "qm_session")).isNull();
        assertThat(signOut.status()).isEqualTo(403);
        assertThat(htmxWithoutHeader.status()).isEqualTo(403);
        assertThat(browser.open("/console/account").status()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionForEveryLaterRequest(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());
        String token = browser.cookie("qm_session");
        browser.open("/console/account");

        TestResponse signedOut = browser.post("/console/sign-out", Map.of());
        ConsoleClient replay = new ConsoleClient(api);
        replay.setCookie("qm_session", token);
        TestResponse after = replay.open("/console/account");

        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(ConsoleClient.setCookie(signedOut, "qm_session")).contains("Max-Age=0");
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.header("Location")).isEqualTo("/");
    }

    @Test
    void aSessionEndsAfterTheIdleTimeoutAndAfterTheAbsoluteOne(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        String ofPerson = " where user_id = (select id from users where username = ?)";
        ConsoleClient idle = new ConsoleClient(api);
        idle.signIn(person.username(), person.password());
        jdbc.sql("update console_sessions set last_seen_at = now() - interval '31 minutes'" + ofPerson)
                .param(person.username()).update();
        ConsoleClient old = new ConsoleClient(api);
        old.signIn(person.username(), person.password());
        jdbc.sql("update console_sessions set expires_at = now() - interval '1 second'" + ofPerson
                + " and last_seen_at > now() - interval '1 minute'").param(person.username()).update();
        ConsoleClient fresh = new ConsoleClient(api);
        fresh.signIn(person.username(), person.password());

        assertThat(idle.open("/console/account").status()).isEqualTo(303);
        assertThat(old.open("/console/account").status()).isEqualTo(303);
        assertThat(fresh.open("/console/account").status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsTheUsersSessions(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());
        String id = jdbc.sql("select id::text from users where username = ?").param(person.username())
                .query(String.class).single();

        TestResponse changed = api.asAdmin().patch("/api/v1/system/users/" + id, "{\"password\": \"another-long-password\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(browser.open("/console/account").status()).isEqualTo(303);
    }

    /** Two tabs: a form opened in the first still posts after the second opened pages (and htmx posted). */
    @Test
    void aFormStaysValidWhileOtherPagesAreOpened(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());
        browser.open("/console/account");
        String firstTab = browser.csrf();

        browser.open("/console/account");
        browser.post("/console/account/preferred-model", Map.of("model", "no-such-model"));
        TestResponse fromFirstTab = browser.postWithout("/console/account/keys",
                Map.of("_csrf", firstTab, "provider", "openai", "apiKey", "sk-two-tabs-0000000000", "validate", "false"));

        assertThat(fromFirstTab.status()).as(fromFirstTab.body()).isEqualTo(302);
    }

    @Test
    void signingInAgainEndsTheSessionTheBrowserHad(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());
        String first = browser.cookie("qm_session");

        TestResponse again = browser.signIn(person.username(), person.password());
        ConsoleClient replay = new ConsoleClient(api);
        replay.setCookie("qm_session", first);

        assertThat(again.status()).as(again.body()).isEqualTo(302);
        assertThat(browser.cookie("qm_session")).isNotEqualTo(first);
        assertThat(replay.open("/console/account").status()).isEqualTo(303);
        assertThat(browser.open("/console/account").status()).isEqualTo(200);
    }

    @Test
    void aPageTheCallerMayNotOpenIs403AndNotInTheMenu(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());

        TestResponse account = browser.open("/console/account");
        TestResponse providers = browser.open("/console/providers");

        assertThat(account.body()).contains("href=\"/console/account\"").doesNotContain("href=\"/console/providers\"");
        assertThat(providers.status()).isEqualTo(403);
        assertThat(providers.header("Content-Type")).startsWith("text/html");
        assertThat(providers.body()).contains("aiProviders.read");
    }

    @Test
    void aConsoleAddressWithNoPageIsA404PageInTheConsolesLayout(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());

        TestResponse page = browser.open("/console/no-such-page/at-all");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("href=\"/console/account\"").contains("the console has no such page");
        assertThat(browser.open("/console/assets/no-such-file.js").status()).isEqualTo(404);
    }

    @Test
    void theStaticAssetsAreServed(TestApi api) {
        for (String asset : new String[] {"/webjars/htmx.org/dist/htmx.min.js", "/webjars/picocss__pico/css/pico.min.css",
                "/console/assets/console.js", "/console/assets/console.css"}) {
            assertThat(api.get(asset).status()).as(asset).isEqualTo(200);
        }
    }

    /**
     * Every link a page writes goes through the resource chain's URL rewriting. A static-resource
     * pattern that covered the console's own paths (Boot's default is {@code /**}) made each link
     * a lookup in the jar's static folders: half of a Models page's time.
     */
    @Test
    void noStaticResourcePatternCoversTheConsolesPages() {
        assertThat(resourceUrls.getHandlerMap()).isNotEmpty();
        for (var pattern : resourceUrls.getHandlerMap().keySet()) {
            assertThat(resourceUrls.getPathMatcher().match(pattern, "/console/models/0b5b3e8e-2f3a-4c8e-9d0a-1a2b3c4d5e6f"))
                    .as(pattern).isFalse();
        }
    }

    /** The pages' expressions are compiled once warm (bench/console-render.md: the Models page's p95 47 -> 40 ms). */
    @Test
    void theTemplatesExpressionsAreCompiled() {
        assertThat(templates.getEnableSpringELCompiler()).isTrue();
    }
}
