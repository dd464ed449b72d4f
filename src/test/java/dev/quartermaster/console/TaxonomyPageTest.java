package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The catalog taxonomy in the console over plain HTTP: pricing and the other kinds, through the API's rules. */
@QuartermasterTest
class TaxonomyPageTest {

    private static final Pattern EDIT = Pattern.compile("href=\"/console/taxonomy/pricing/([0-9a-f-]{36})\"");

    @Test
    void aPricingEntryIsCreatedRepricedAsANewVersionAndDeleted(TestApi api) {
        ConsoleClient browser = signedIn(api, "models.read", "models.create", "models.update", "models.delete");
        String name = "<script>alert(1)</script> " + Names.unique("price");

        browser.open("/console/taxonomy/pricing");
        TestResponse created = browser.post("/console/taxonomy/pricing", Map.of("name", name, "description", "",
                "inputPricePerMillion", "2.50", "outputPricePerMillion", "10", "currency", "USD"));
        TestResponse list = browser.open("/console/taxonomy/pricing");
        JsonNode entry = entry(api, name);
        String id = entry.get("id").stringValue();
        browser.open("/console/taxonomy/pricing/" + id);
        TestResponse repriced = browser.post("/console/taxonomy/pricing/" + id, Map.of("name", name, "description", "cheaper",
                "inputPricePerMillion", "1.25", "outputPricePerMillion", "10", "currency", "USD"));
        JsonNode after = entry(api, name);

        assertThat(created.status()).isEqualTo(302);
        assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains(">2.5<").containsPattern(EDIT.pattern());
        assertThat(repriced.status()).isEqualTo(302);
        assertThat(after.get("inputPricePerMillion").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(after.get("version").intValue()).isEqualTo(entry.get("version").intValue() + 1);

        assertThat(browser.open("/console/taxonomy/pricing/" + id + "/delete").body()).contains("Delete");
        assertThat(browser.post("/console/taxonomy/pricing/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(api.asAdmin().get("/api/v1/system/catalog/pricing/" + id).status()).isEqualTo(404);
    }

    @Test
    void aBadPriceOrATakenNameIsShownByFieldAndNothingIsWritten(TestApi api) {
        ConsoleClient browser = signedIn(api, "models.read", "models.create");
        String name = Names.unique("flag");
        browser.open("/console/taxonomy/flags");
        assertThat(browser.post("/console/taxonomy/flags", Map.of("name", name)).status()).isEqualTo(302);

        TestResponse badPrice = browser.post("/console/taxonomy/pricing", Map.of("name", Names.unique("p"),
                "inputPricePerMillion", "cheap", "outputPricePerMillion", "-1", "currency", "usd"));
        TestResponse taken = browser.post("/console/taxonomy/flags", Map.of("name", name));

        assertThat(badPrice.status()).isEqualTo(400);
        assertThat(badPrice.body()).contains("inputPricePerMillion: must be a number");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("name: is already taken by another flag");
        assertThat(named(api, "flags", name)).hasSize(1);
    }

    @Test
    void aReaderSeesNoFormAndMayNotCreate(TestApi api) {
        ConsoleClient browser = signedIn(api, "models.read");

        TestResponse page = browser.open("/console/taxonomy/pricing");
        TestResponse refused = browser.post("/console/taxonomy/pricing", Map.of("name", Names.unique("p"),
                "inputPricePerMillion", "1", "outputPricePerMillion", "1", "currency", "USD"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/console/taxonomy\"").doesNotContain("New entry");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(browser.open("/console/taxonomy/no-such-kind").status()).isEqualTo(404);
    }

    private static JsonNode entry(TestApi api, String name) {
        List<JsonNode> entries = named(api, "pricing", name);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static List<JsonNode> named(TestApi api, String kind, String name) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : api.asAdmin().get("/api/v1/system/catalog/" + kind).json().get("data")) {
            if (e.get("name").stringValue().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static ConsoleClient signedIn(TestApi api, String... permissions) {
        ConsoleUsers.Person person = ConsoleUsers.create(api, permissions);
        ConsoleClient browser = new ConsoleClient(api);
        browser.signIn(person.username(), person.password());
        return browser;
    }
}
