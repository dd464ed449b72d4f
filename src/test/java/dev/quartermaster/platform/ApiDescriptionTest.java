package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /v3/api-docs} is a description Swagger UI can call the API from. */
@QuartermasterTest
class ApiDescriptionTest {

    JsonNode docs;

    @BeforeEach
    void load(TestApi api) {
        docs = api.get("/v3/api-docs").json();
    }

    @Test
    void itHasARealTitleVersionAndDescription() {
        assertThat(docs.at("/info/title").asString()).isEqualTo("Quartermaster");
        assertThat(docs.at("/info/version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(docs.at("/info/description").asString()).contains("X-Api-Key").contains("x-permission");
    }

    @Test
    void everyCredentialKindIsASecuritySchemeThatAppliesToEveryOperation() {
        JsonNode schemes = docs.at("/components/securitySchemes");

        assertThat(schemes.at("/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.at("/apiKey/name").asString()).isEqualTo("X-Api-Key");
        assertThat(schemes.at("/basic/scheme").asString()).isEqualTo("basic");
        List<String> required = new ArrayList<>();
        docs.get("security").forEach(item -> required.addAll(item.propertyNames()));
        assertThat(required).containsExactlyInAnyOrder("bearer", "apiKey", "basic");
        assertThat(operations()).filteredOn(op -> !op.path("x-permission").asString().equals("public"))
                .noneMatch(op -> op.has("security"));
        assertThat(docs.at("/paths/~1/get/security")).isEmpty();
    }

    @Test
    void noOperationTakesTheAuthenticatedCallerAsAParameter() {
        List<String> withCaller = new ArrayList<>();
        operations().forEach(op -> op.path("parameters").forEach(p -> {
            if (p.path("name").asString().equals("caller")) {
                withCaller.add(op.path("operationId").asString());
            }
        }));

        assertThat(operations()).hasSizeGreaterThan(70);
        assertThat(withCaller).isEmpty();
    }

    @Test
    void theErrorPageIsNotAnOperation() {
        assertThat(docs.get("paths").propertyNames()).doesNotContain("/error");
    }

    @Test
    void everyOperationShowsThePermissionItNeeds() {
        assertThat(operations()).allSatisfy(op -> assertThat(op.path("x-permission").asString())
                .as(op.path("operationId").asString()).isNotBlank());
        assertThat(docs.at("/paths/~1api~1v1~1system~1users/post/x-permission").asString()).isEqualTo("users.create");
        assertThat(docs.at("/paths/~1v1~1models/get/x-permission").asString()).isEqualTo("signed-in");
        assertThat(docs.at("/paths/~1api~1v1~1system~1users/post/description").asString())
                .contains("Needs the permission `users.create`.");
    }

    /** Each surface's naming, declared once, reaches the schemas too: snake_case where the wire is. */
    @Test
    void schemasNameFieldsAsTheWireDoes() {
        assertThat(properties("KeyView")).contains("created_at").doesNotContain("createdAt");
        assertThat(properties("Connection")).contains("display_name", "integration_config_id");
        assertThat(properties("ModelResultItem")).contains("model_id", "draft_id");
        assertThat(properties("UserView")).contains("displayName");
    }

    private List<String> properties(String schema) {
        JsonNode properties = docs.at("/components/schemas/" + schema + "/properties");
        assertThat(properties.isObject()).as(schema).isTrue();
        return List.copyOf(properties.propertyNames());
    }

    private List<JsonNode> operations() {
        List<JsonNode> all = new ArrayList<>();
        docs.get("paths").forEach(path -> path.forEach(all::add));
        return all;
    }
}
