package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tiers made, edited and deleted in the console over plain HTTP, with the tier API's rules. */
@QuartermasterTest
class TiersPageTest {

    @Test
    void aTierIsCreatedEditedAndDeleted(TestApi api) {
        ConsoleClient browser = signedIn(api);
        String tier = Names.unique("tier").replace('-', '_');
        String rank = Integer.toString(Names.uniqueRank());

        browser.open("/console/tiers");
        TestResponse created = browser.post("/console/tiers", Map.of("name", tier, "rank", rank, "description", "a plan"));
        TestResponse taken = browser.post("/console/tiers", Map.of("name", tier, "rank", rank));
        browser.open("/console/tiers/" + tier);
        TestResponse badRank = browser.post("/console/tiers/" + tier + "/details", Map.of("rank", "high"));
        TestResponse edited = browser.post("/console/tiers/" + tier + "/details",
                Map.of("rank", rank, "description", "<b>the team plan</b>", "managedKeys", "true"));
        JsonNode after = api.asAdmin().get("/api/v1/system/tiers/" + tier).json().get("data");

        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("name: is already taken").contains("rank: another tier already has rank");
        assertThat(badRank.status()).isEqualTo(400);
        assertThat(badRank.body()).contains("rank: must be a whole number");
        assertThat(edited.status()).isEqualTo(302);
        assertThat(after.get("description").stringValue()).isEqualTo("<b>the team plan</b>");
        assertThat(after.get("managedKeys").booleanValue()).isTrue();
        assertThat(browser.open("/console/tiers/" + tier).body()).contains("value=\"&lt;b&gt;the team plan&lt;/b&gt;\"")
                .doesNotContain("<b>the team plan");
        assertThat(browser.open("/console/tiers").body()).contains("href=\"/console/tiers/" + tier + "/delete\"");

        assertThat(browser.open("/console/tiers/" + tier + "/delete").body()).contains("Delete tier " + tier + "?");
        assertThat(browser.post("/console/tiers/" + tier + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(api.asAdmin().get("/api/v1/system/tiers/" + tier).status()).isEqualTo(404);
    }

    @Test
    void aTierThatUsersHaveIsNotDeletedAndThePageSaysWhy(TestApi api) {
        ConsoleClient browser = signedIn(api);
        browser.open("/console/tiers/free/delete");

        TestResponse refused = browser.post("/console/tiers/free/delete", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body()).contains("tier free is used by");
        assertThat(api.asAdmin().get("/api/v1/system/tiers/free").status()).isEqualTo(200);
    }

    private static ConsoleClient signedIn(TestApi api) {
        ConsoleUsers.Person admin = ConsoleUsers.create(api, UsersPageTest.USER_ADMIN);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(admin.username(), admin.password());
        return browser;
    }
}
