package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.providers.ProviderType;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A create body is checked whole: every failing field is reported at once, type errors among the rule errors. */
@QuartermasterTest
class CreateBodiesTest {


    @Test
    void aUserWithSeveralBadFieldsIsRefusedWithEveryOneOfThem(TestApi server) {
        TestResponse refused = server.asAdmin().post("/api/v1/system/users", """
                {"username": "has spaces", "displayName": 7, "tier": ["pro"], "permissions": "models.read",
                 "password": "short"}
                """);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").stringValue()).isEqualTo("5 fields are invalid");
        assertThat(refused.json().get("errors")).containsExactlyInAnyOrder(
                TestApi.json("{\"field\": \"username\", \"message\": "
                        + "\"1-64 letters, digits or . _ @ -, starting with a letter or digit\"}"),
                TestApi.json("{\"field\": \"displayName\", \"message\": \"must be a string\"}"),
                TestApi.json("{\"field\": \"tier\", \"message\": \"must be a string\"}"),
                TestApi.json("{\"field\": \"permissions\", \"message\": \"must be an array\"}"),
                TestApi.json("{\"field\": \"password\", \"message\": \"must be at least 12 characters\"}"));
    }

    @Test
    void theServicesRulesAreReportedTogetherWithTheBodysOwn(TestApi server) {
        TestResponse refused = server.asAdmin().post("/api/v1/system/users", """
                {"username": "%s", "displayName": 7, "tier": "platinum", "permissions": ["root"]}
                """.formatted(Names.unique("mixed")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("displayName", "tier", "permissions[0]");
    }

    @Test
    void aTierWithSeveralBadFieldsIsRefusedWithEveryOneOfThem(TestApi server) {
        TestResponse refused = server.asAdmin().post("/api/v1/system/tiers", """
                {"name": "Not A Tier Name", "rank": "high", "description": "%s", "managedKeys": "yes"}
                """.formatted("d".repeat(1001)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors")).containsExactlyInAnyOrder(
                TestApi.json("{\"field\": \"name\", \"message\": "
                        + "\"1-32 lowercase letters, digits, _ or -, starting with a letter\"}"),
                TestApi.json("{\"field\": \"rank\", \"message\": \"must be an integer\"}"),
                TestApi.json("{\"field\": \"description\", \"message\": \"must be at most 1000 characters\"}"),
                TestApi.json("{\"field\": \"managedKeys\", \"message\": \"must be true or false\"}"));
    }

    @Test
    void anAiSettingWithAWrongTypeIsRefusedWithTheSeedsRulesInItsOwnShape(TestApi server) {
        TestResponse refused = server.asAdmin().post("/api/ai-settings",
                "{\"provider\": \"cohere\", \"model\": 7, \"meta\": 5}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("success").booleanValue()).isFalse();
        assertThat(refused.json().get("errors")).containsExactlyInAnyOrder(
                TestApi.json("{\"field\": \"[provider]\", \"message\": "
                        + "\"Provider must be one of: openai, gemini, mistral, ollama, anthropic, openai_like\"}"),
                TestApi.json("{\"field\": \"[model]\", \"message\": \"must be a string\"}"),
                TestApi.json("{\"field\": \"[token]\", \"message\": "
                        + "\"API Token is required for all providers except ollama\"}"),
                TestApi.json("{\"field\": \"[meta]\", \"message\": \"Meta must be an object of key-value pairs\"}"));
    }

    @Test
    void aMissingRequiredFieldIsReportedOnceWithTheOthers(TestApi server) {
        TestResponse refused = server.asAdmin().post("/api/v1/system/groups",
                "{\"description\": 5, \"permissions\": [\"users.read\", 3]}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors")).containsExactlyInAnyOrder(
                TestApi.json("{\"field\": \"name\", \"message\": \"is required\"}"),
                TestApi.json("{\"field\": \"description\", \"message\": \"must be a string\"}"),
                TestApi.json("{\"field\": \"permissions[1]\", \"message\": \"must be a string\"}"));
    }

    @Test
    void theApiDescriptionShowsTheLimitsTheServerChecks(TestApi server) {
        var docs = server.get("/v3/api-docs").json();
        var schemas = docs.at("/components/schemas");

        assertThat(docs.at("/paths/~1api~1v1~1system~1users/post/requestBody/content/application~1json/schema/$ref")
                .stringValue()).as("a Checked body is described as the record it carries").endsWith("/CreateUser");

        assertThat(schemas.at("/CreateUser/properties/displayName/maxLength").intValue()).isEqualTo(255);
        assertThat(schemas.at("/CreateGroup/properties/description/maxLength").intValue()).isEqualTo(1000);
        assertThat(schemas.at("/CreateUser/properties/password/minLength").intValue()).isEqualTo(12);
        assertThat(schemas.at("/NewProfile/properties/modelName/maxLength").intValue()).isEqualTo(255);
        List<String> providers = Arrays.stream(ProviderType.values()).map(ProviderType::wireName).toList();
        for (String body : List.of("NewProfile", "NewSetting", "StoreKey")) {
            List<String> documented = new ArrayList<>();
            schemas.at("/" + body + "/properties/provider/enum").forEach(v -> documented.add(v.stringValue()));
            assertThat(documented).as(body).isEqualTo(providers);
        }
    }
}
