package dev.quartermaster.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers.TestUser;
import dev.quartermaster.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Budget limits: admins per tier and per user, users a lower personal cap. */
@QuartermasterTest
class BudgetsTest {

    @Test
    void theEffectiveLimitIsTheTightestThatApplies(TestApi api) {
        TestApi admin = api.asAdmin();
        String tier = Names.unique("budget");
        admin.post("/api/v1/system/tiers", "{\"name\": \"" + tier + "\", \"rank\": " + Names.uniqueRank() + "}");
        TestUser user = TestUsers.create(api, tier);
        TestApi asUser = api.withKey(user.key());

        admin.patch("/api/v1/system/budgets/tiers/" + tier, "{\"monthlyLimit\": 100, \"dailyLimit\": 10}");
        JsonNode fromTier = asUser.get("/v1/ai/preferences").json().get("budget");
        TestResponse override = admin.patch("/api/v1/system/budgets/users/" + user.id(), "{\"monthlyLimit\": 50.5}");
        JsonNode withOverride = asUser.get("/v1/ai/preferences").json().get("budget");
        TestResponse tooHigh = asUser.put("/v1/ai/preferences/budget", "{\"monthly_limit\": 80}");
        JsonNode capped = asUser.put("/v1/ai/preferences/budget", "{\"monthly_limit\": 30, \"daily_limit\": 5}").json();
        JsonNode uncapped = asUser.put("/v1/ai/preferences/budget", "{\"monthly_limit\": null}").json();

        assertThat(override.json().get("data").get("monthlyLimit").decimalValue()).isEqualByComparingTo("50.5");
        assertThat(admin.patch("/api/v1/system/budgets/tiers/" + tier, "{\"monthlyLimit\": 120}").json().get("data")
                .get("dailyLimit").decimalValue()).as("a PATCH keeps what it does not send").isEqualByComparingTo("10");
        assertThat(fromTier.get("monthly_limit").decimalValue()).isEqualByComparingTo("100");
        assertThat(fromTier.get("daily_limit").decimalValue()).isEqualByComparingTo("10");
        assertThat(withOverride.get("monthly_limit").decimalValue()).isEqualByComparingTo("50.5");
        assertThat(withOverride.get("daily_limit").decimalValue()).as("still the tier's").isEqualByComparingTo("10");
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.json().get("errors").get(0).get("message").stringValue()).contains("50.50 USD");
        assertThat(capped.get("monthly_limit").decimalValue()).isEqualByComparingTo("30");
        assertThat(capped.get("daily_limit").decimalValue()).isEqualByComparingTo("5");
        assertThat(capped.get("personal").get("monthly_limit").decimalValue()).isEqualByComparingTo("30");
        assertThat(uncapped.get("monthly_limit").decimalValue()).isEqualByComparingTo("50.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "\"10\"", "1.234", "true", "2000000000"})
    void amountsMustBeMoney(String amount, TestApi api) {
        TestUser user = TestUsers.create(api, "free");

        TestResponse refused = api.withKey(user.key()).put("/v1/ai/preferences/budget",
                "{\"monthly_limit\": " + amount + "}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo("monthly_limit");
    }

    @Test
    void onlyAdminsSetTierAndUserLimits(TestApi api) {
        TestUser user = TestUsers.create(api, "free");
        TestApi asUser = api.withKey(user.key());

        assertThat(asUser.patch("/api/v1/system/budgets/tiers/free", "{\"monthlyLimit\": 1}").status()).isEqualTo(403);
        assertThat(asUser.patch("/api/v1/system/budgets/users/" + user.id(), "{\"monthlyLimit\": 1000}").status()).isEqualTo(403);
        assertThat(api.asAdmin().patch("/api/v1/system/budgets/tiers/nosuchtier", "{}").status()).isEqualTo(404);
    }
}
