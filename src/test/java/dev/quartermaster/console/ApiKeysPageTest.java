package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The API keys page over plain HTTP: the admin API's permissions, and a key that is in one answer only. */
@QuartermasterTest
class ApiKeysPageTest {

    @Test
    void aReaderSeesKeysButCannotCreateOrRevokeThem(TestApi api) {
        ConsoleUsers.Person reader = ConsoleUsers.create(api, "users.read");
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(reader.username(), reader.password());

        TestResponse page = browser.open("/console/keys");
        Matcher userId = Pattern.compile("/console/keys/([0-9a-f-]{36})/").matcher(page.body());
        TestResponse created = browser.post("/console/keys/00000000-0000-0000-0000-000000000001/new",
                Map.of("username", reader.username(), "name", "sneaky"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/console/keys\"").doesNotContain("Create key").doesNotContain("Revoke");
        assertThat(userId.find()).isFalse();
        assertThat(created.status()).isEqualTo(403);
    }

    @Test
    void anUnknownUserIsANotFoundPage(TestApi api) {
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());

        TestResponse page = browser.open("/console/keys?user=nobody-by-this-name");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("there is no user nobody-by-this-name");
    }

    @Test
    void aNewKeyIsInTheAnswerToItsCreationAndNowhereAfter(TestApi api) {
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());
        TestResponse page = browser.open("/console/keys");
        Matcher action = Pattern.compile("action=\"(/console/keys/[0-9a-f-]{36}/new)\"").matcher(page.body());
        assertThat(action.find()).isTrue();

        TestResponse created = browser.post(action.group(1), Map.of("username", admin.username(), "name", "ci"));
        Matcher key = Pattern.compile("id=\"new-key\" class=\"secret\">(qm_[^<]+)<").matcher(created.body());
        TestResponse later = browser.open("/console/keys");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(key.find()).isTrue();
        assertThat(later.body()).doesNotContain(key.group(1)).contains(key.group(1).substring(0, 11));
    }

    @Test
    void aKeysRateLimitsAreSetAsTheApiSetsThem(TestApi api) {
        ConsoleUsers.Person admin = ConsoleUsers.admin(api);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());
        TestResponse page = browser.open("/console/keys");
        Matcher action = Pattern.compile("action=\"(/console/keys/[0-9a-f-]{36}/new)\"").matcher(page.body());
        assertThat(action.find()).isTrue();
        browser.post(action.group(1), Map.of("username", admin.username(), "name", "limited"));
        Matcher limits = Pattern.compile("href=\"(/console/keys/([0-9a-f-]{36})/([0-9a-f-]{36})/rate-limits)\\?username=")
                .matcher(browser.open("/console/keys").body());
        assertThat(limits.find()).isTrue();

        TestResponse form = browser.open(limits.group(1) + "?username=" + admin.username());
        TestResponse refused = browser.post(limits.group(1), Map.of("username", admin.username(),
                "requestsPerMinute", "lots", "tokensPerMinute", "", "concurrentStreams", ""));
        TestResponse saved = browser.post(limits.group(1), Map.of("username", admin.username(),
                "requestsPerMinute", "5", "tokensPerMinute", "", "concurrentStreams", "2"));
        TestResponse again = browser.open(limits.group(1) + "?username=" + admin.username());

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Rate limits of key limited");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("requestsPerMinute: must be a whole number");
        assertThat(saved.status()).isEqualTo(302);
        String stored = api.asAdmin().get("/api/v1/system/users/" + limits.group(2) + "/api-keys/" + limits.group(3)
                + "/rate-limits").body();
        assertThat(stored).contains("\"requestsPerMinute\":5").contains("\"concurrentStreams\":2");
        assertThat(again.body()).contains("name=\"requestsPerMinute\" inputmode=\"numeric\" value=\"5\"");
    }
}
