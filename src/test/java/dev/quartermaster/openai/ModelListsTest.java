package dev.quartermaster.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestCatalog;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Both model lists: {@code /v1/ai/models} (seed 000) and {@code /v1/models} (seed 003), by tier, kept current. */
@QuartermasterTest
class ModelListsTest {

    TestApi api;
    String freeModel;
    String proModel;
    String inactive;
    String proModelId;

    @BeforeEach
    void setUp(TestApi api) {
        this.api = api;
        freeModel = Names.unique("free-chat");
        proModel = Names.unique("org/pro-chat");
        inactive = Names.unique("retired");
        TestCatalog.create(api, freeModel, "mistral", "free", true);
        proModelId = TestCatalog.create(api, proModel, "anthropic", "pro", true);
        TestCatalog.create(api, inactive, "openai", "free", false);
    }

    @Test
    void aUserSeesTheActiveModelsAtOrBelowTheirTier() {
        TestApi free = api.withKey(TestUsers.create(api, "free").key());
        TestApi pro = api.withKey(TestUsers.create(api, "pro").key());

        List<String> freeSees = free.get("/v1/ai/models").json().get("models").findValuesAsString("id");
        List<String> proSees = pro.get("/v1/ai/models").json().get("models").findValuesAsString("id");
        List<String> freeSeesOpenAi = free.get("/v1/models").json().get("data").findValuesAsString("id");

        assertThat(freeSees).contains(freeModel).doesNotContain(proModel, inactive);
        assertThat(proSees).contains(freeModel, proModel).doesNotContain(inactive);
        assertThat(freeSeesOpenAi).isEqualTo(freeSees);
    }

    @Test
    void theSeed000ShapeHasIdProviderCapabilitiesAndTier() {
        TestApi pro = api.withKey(TestUsers.create(api, "pro").key());

        JsonNode entry = find(pro.get("/v1/ai/models").json().get("models"), proModel);

        assertThat(entry).isEqualTo(TestApi.json("""
                {"id": "%s", "provider": "anthropic", "capabilities": ["chat", "code"], "tier": "pro"}""".formatted(proModel)));
    }

    @Test
    void theOpenAiShapeIsVerbatim() {
        TestApi pro = api.withKey(TestUsers.create(api, "pro").key());

        TestResponse list = pro.get("/v1/models");
        JsonNode model = find(list.json().get("data"), proModel);
        TestResponse one = pro.get("/v1/models/" + proModel);

        assertThat(list.header("Content-Type")).startsWith("application/json");
        assertThat(list.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(list.header("Cache-Control")).contains("no-store");
        assertThat(list.json().propertyNames()).containsExactly("object", "data");
        assertThat(list.json().get("object").stringValue()).isEqualTo("list");
        assertThat(model.propertyNames()).containsExactly("id", "object", "created", "owned_by");
        assertThat(model.get("object").stringValue()).isEqualTo("model");
        assertThat(model.get("owned_by").stringValue()).isEqualTo("anthropic");
        assertThat(model.get("created").longValue()).isBetween(1_700_000_000L, 4_000_000_000L);
        assertThat(one.status()).as("an id with a slash").isEqualTo(200);
        assertThat(one.json()).isEqualTo(model);
    }

    @Test
    void anUnknownOrHiddenModelIsA404InOpenAisShape() {
        TestApi free = api.withKey(TestUsers.create(api, "free").key());

        TestResponse unknown = free.get("/v1/models/no-such-model");
        TestResponse aboveTier = free.get("/v1/models/" + proModel);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json()).isEqualTo(TestApi.json("""
                {"error": {"message": "The model 'no-such-model' does not exist or you do not have access to it.",
                           "type": "invalid_request_error", "param": "model", "code": "model_not_found"}}"""));
        assertThat(aboveTier.status()).isEqualTo(404);
        assertThat(api.from("127.0.0.6").withKey("wrong").get("/v1/models").json().get("error").get("type").stringValue())
                .isEqualTo("authentication_error");
    }

    @Test
    void bothListsFollowTheCatalogAtOnce() {
        TestApi pro = api.withKey(TestUsers.create(api, "pro").key());
        assertThat(pro.get("/v1/models").json().get("data").findValuesAsString("id")).contains(proModel);

        TestCatalog.update(api, proModelId, "\"active\": false");

        assertThat(pro.get("/v1/models").json().get("data").findValuesAsString("id")).doesNotContain(proModel);
        assertThat(pro.get("/v1/ai/models").json().get("models").findValuesAsString("id")).doesNotContain(proModel);
        TestCatalog.update(api, proModelId, "\"active\": true, \"tier\": \"enterprise\"");
        assertThat(pro.get("/v1/models").json().get("data").findValuesAsString("id")).doesNotContain(proModel);
        TestCatalog.update(api, proModelId, "\"tier\": \"free\"");
        assertThat(pro.get("/v1/models").json().get("data").findValuesAsString("id")).contains(proModel);
    }

    @Test
    void aUserMovedToAnotherTierSeesItsModels() {
        TestUsers.TestUser user = TestUsers.create(api, "free");
        TestApi asUser = api.withKey(user.key());
        assertThat(asUser.get("/v1/models").json().get("data").findValuesAsString("id")).doesNotContain(proModel);

        api.asAdmin().patch("/api/v1/system/users/" + user.id(), "{\"tier\": \"pro\"}");

        assertThat(asUser.get("/v1/models").json().get("data").findValuesAsString("id")).contains(proModel);
    }

    static JsonNode find(JsonNode models, String id) {
        return models.valueStream().filter(m -> m.get("id").stringValue().equals(id)).findFirst().orElseThrow();
    }
}
