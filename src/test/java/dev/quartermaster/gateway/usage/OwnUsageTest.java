package dev.quartermaster.gateway.usage;

import static dev.quartermaster.gateway.usage.MeteredRows.USD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestUsers;
import dev.quartermaster.support.TestUsers.TestUser;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /v1/ai/usage} and the spend in the preferences' budget: the caller's own, nobody else's. */
@QuartermasterTest
class OwnUsageTest {

    @Autowired
    JdbcClient jdbc;

    MeteredRows rows;

    @BeforeEach
    void rows() {
        rows = new MeteredRows(jdbc);
    }

    @Test
    void theAnswerHasExactlyTheDocumentedShapeInUsd(TestApi api) {
        TestUser user = TestUsers.create(api, freshTier(api));
        LocalDate today = rows.today();
        rows.window(user.id(), "day", 1_500_000_000L, 250_000_000L);
        rows.window(user.id(), "month", 12_345_678_901L, 250_000_000L);
        rows.daily(today, user.id(), "small", "openai", "managed", 3, 300, 30, 2 * USD);
        rows.daily(today, user.id(), "small", "azure", "byok", 1, 100, 10, 125);
        rows.daily(today, user.id(), "large", "anthropic", "managed", 2, 2000, 200, 10 * USD);
        rows.daily(today.withDayOfMonth(1).minusDays(1), user.id(), "last-month", "openai", "managed", 9, 9, 9, 9 * USD);

        var response = api.withKey(user.key()).get("/v1/ai/usage");
        JsonNode usage = response.json();

        assertThat(response.status()).isEqualTo(200);
        assertThat(usage.propertyNames()).containsExactly("currency", "day", "month", "by_model");
        assertThat(usage.get("currency").stringValue()).isEqualTo("USD");
        assertThat(usage.get("day").propertyNames()).containsExactly("spent", "reserved", "limit");
        assertThat(usage.get("month").propertyNames()).containsExactly("spent", "reserved", "limit");
        assertThat(usage.get("day").get("spent").isNumber()).isTrue();
        assertThat(usage.get("day").get("spent").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(usage.get("day").get("reserved").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(usage.get("month").get("spent").decimalValue()).isEqualByComparingTo("12.345678901");
        assertThat(response.body()).contains("\"spent\":12.345678901").contains("\"spent\":2.000000125");
        JsonNode byModel = usage.get("by_model");
        assertThat(byModel).hasSize(2);
        assertThat(byModel.get(0).propertyNames())
                .containsExactly("model", "requests", "input_tokens", "output_tokens", "spent");
        assertThat(byModel.get(0).get("model").stringValue()).as("the most spent first").isEqualTo("large");
        assertThat(byModel.get(1).get("model").stringValue()).isEqualTo("small");
        assertThat(byModel.get(1).get("requests").longValue()).as("summed over providers and key sources").isEqualTo(4);
        assertThat(byModel.get(1).get("input_tokens").longValue()).isEqualTo(400);
        assertThat(byModel.get(1).get("output_tokens").longValue()).isEqualTo(40);
        assertThat(byModel.get(1).get("spent").decimalValue()).isEqualByComparingTo("2.000000125");
    }

    @Test
    void withNothingMeteredTheWindowsAreZeroAndTheLimitsNull(TestApi api) {
        TestUser user = TestUsers.create(api, freshTier(api));

        JsonNode usage = api.withKey(user.key()).get("/v1/ai/usage").json();

        assertThat(usage.get("day").get("spent").decimalValue()).isEqualByComparingTo("0");
        assertThat(usage.get("month").get("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(usage.get("day").get("limit").isNull()).isTrue();
        assertThat(usage.get("month").get("limit").isNull()).isTrue();
        assertThat(usage.get("by_model")).isEmpty();
    }

    @Test
    void theLimitIsTheTighterOfWhatAdminsAllowAndThePersonalCap(TestApi api) {
        TestApi admin = api.asAdmin();
        String tier = freshTier(api);
        TestUser user = TestUsers.create(api, tier);
        admin.patch("/api/v1/system/budgets/tiers/" + tier, "{\"monthlyLimit\": 100, \"dailyLimit\": 10}");
        admin.patch("/api/v1/system/budgets/users/" + user.id(), "{\"monthlyLimit\": 50.5}");
        assertThat(api.withKey(user.key()).put("/v1/ai/preferences/budget", "{\"daily_limit\": 4.25}").status())
                .isEqualTo(200);

        JsonNode usage = api.withKey(user.key()).get("/v1/ai/usage").json();

        assertThat(usage.get("day").get("limit").decimalValue()).as("the personal cap").isEqualByComparingTo("4.25");
        assertThat(usage.get("month").get("limit").decimalValue()).as("the user's own admin limit")
                .isEqualByComparingTo("50.5");
    }

    @Test
    void aUserSeesOnlyTheirOwnUsage(TestApi api) {
        TestUser one = TestUsers.create(api, "free");
        TestUser other = TestUsers.create(api, "free");
        rows.window(other.id(), "day", 7 * USD, 0);
        rows.daily(rows.today(), other.id(), "theirs", "openai", "managed", 1, 1, 1, USD);
        rows.daily(rows.today(), one.id(), "mine", "openai", "managed", 1, 1, 1, USD);

        JsonNode usage = api.withKey(one.key()).get("/v1/ai/usage").json();

        assertThat(usage.get("day").get("spent").decimalValue()).isEqualByComparingTo("0");
        assertThat(usage.get("by_model")).extracting(m -> m.get("model").stringValue()).containsExactly("mine");
    }

    @Test
    void thePreferencesBudgetCarriesTodaysAndThisMonthsSpend(TestApi api) {
        TestUser user = TestUsers.create(api, freshTier(api));
        rows.window(user.id(), "day", 300_000_000L, 5 * USD);
        rows.window(user.id(), "month", 42 * USD, 5 * USD);
        rows.window(UUID.randomUUID(), "month", 99 * USD, 0);

        JsonNode budget = api.withKey(user.key()).get("/v1/ai/preferences").json().get("budget");

        assertThat(budget.propertyNames()).containsExactly("currency", "monthly_limit", "daily_limit", "tier", "user",
                "personal", "spent");
        assertThat(budget.get("spent").propertyNames()).containsExactly("day", "month");
        assertThat(budget.get("spent").get("day").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(budget.get("spent").get("month").decimalValue()).isEqualByComparingTo("42");
        assertThat(api.withKey(TestUsers.create(api, "free").key()).get("/v1/ai/preferences").json()
                .get("budget").get("spent").get("month").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void anAnonymousCallerIsRefusedInProblemDetails(TestApi api) {
        var refused = api.get("/v1/ai/usage");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    private static String freshTier(TestApi api) {
        String tier = Names.unique("usage");
        assertThat(api.asAdmin().post("/api/v1/system/tiers", "{\"name\": \"" + tier + "\", \"rank\": "
                + Names.uniqueRank() + "}").status()).isEqualTo(201);
        return tier;
    }
}
