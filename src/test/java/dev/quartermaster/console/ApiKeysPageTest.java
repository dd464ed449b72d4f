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
}
