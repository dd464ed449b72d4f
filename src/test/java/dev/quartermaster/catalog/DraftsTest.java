package dev.quartermaster.catalog;

import static dev.quartermaster.catalog.CatalogFixtures.MODELS;
import static dev.quartermaster.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.identity.Permissions;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.Race;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@QuartermasterTest
class DraftsTest {

    TestApi editor;

    @BeforeEach
    void setUp(TestApi api) {
        TestUsers.TestUser user = TestUsers.create(api, "free", Permissions.MODELS_READ,
                Permissions.MODELS_CREATE, Permissions.MODELS_UPDATE);
        editor = api.withHeader("X-Api-Key", user.key());
    }

    @Test
    void aDraftOfANewModelIsChangedAtItsVersionAndPublishedByUpdate() {
        String value = unique("drafted");
        TestResponse started = editor.patch(MODELS + "draft", "{\"name\": \"Drafted\"}");
        String draftId = started.json().get("draft_id").stringValue();

        TestResponse changed = editor.patch(MODELS + "draft", """
                {"input_draft_id": "%s", "expected_version": 1, "value": "%s", "provider": "gemini"}
                """.formatted(draftId, value));
        JsonNode asForm = editor.post(MODELS + "get", "{\"draft_id\": \"" + draftId + "\"}").json();
        TestResponse published = editor.post(MODELS + "update", "{\"models\": [{\"draft_id\": \"" + draftId + "\"}]}");

        assertThat(started.json().get("new_version").intValue()).isEqualTo(1);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("new_version").intValue()).isEqualTo(2);
        assertThat(changed.json().get("form_state").get("name").stringValue()).isEqualTo("Drafted");
        assertThat(asForm.get("draft_version").intValue()).isEqualTo(2);
        assertThat(asForm.get("model_exists").booleanValue()).isFalse();
        JsonNode result = published.json().get("results").get(0);
        assertThat(result.get("success").booleanValue()).as(published.body()).isTrue();
        JsonNode model = editor.post(MODELS + "get", "{\"model_id\": \"" + result.get("model_id").stringValue() + "\"}").json();
        assertThat(model.get("values").get("value").stringValue()).isEqualTo(value);
        assertThat(model.get("providers").get("provider").stringValue()).isEqualTo("gemini");
        assertThat(editor.post(MODELS + "drafts", null).json().get("entries").findValuesAsString("draft_id"))
                .as("a published draft is gone").doesNotContain(draftId);
    }

    @Test
    void aStaleVersionIsRefusedWith409AndTheCurrentVersion() {
        String draftId = editor.patch(MODELS + "draft", "{\"name\": \"One\"}").json().get("draft_id").stringValue();
        editor.patch(MODELS + "draft", "{\"input_draft_id\": \"" + draftId + "\", \"expected_version\": 1, \"name\": \"Two\"}");

        TestResponse stale = editor.patch(MODELS + "draft",
                "{\"input_draft_id\": \"" + draftId + "\", \"expected_version\": 1, \"description\": \"lost?\"}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).contains("application/problem+json");
        assertThat(stale.json().get("current_version").intValue()).isEqualTo(2);
        JsonNode state = editor.post(MODELS + "get", "{\"draft_id\": \"" + draftId + "\"}").json();
        assertThat(state.get("descriptions").get("value").isNull()).as("nothing merged").isTrue();
        assertThat(state.get("names").get("value").stringValue()).isEqualTo("Two");
    }

    @Test
    void ofThirtyConcurrentPatchesAtOneVersionExactlyOneWins() throws InterruptedException {
        String draftId = editor.patch(MODELS + "draft", "{\"name\": \"Raced\"}").json().get("draft_id").stringValue();

        List<Integer> answers = Race.run(30, i -> () -> editor.patch(MODELS + "draft",
                "{\"input_draft_id\": \"%s\", \"expected_version\": 1, \"description\": \"writer %d\"}"
                        .formatted(draftId, i)).status());

        assertThat(answers).filteredOn(s -> s == 200).hasSize(1);
        assertThat(answers).filteredOn(s -> s == 409).hasSize(29);
        JsonNode state = editor.post(MODELS + "get", "{\"draft_id\": \"" + draftId + "\"}").json();
        assertThat(state.get("draft_version").intValue()).isEqualTo(2);
    }

    @Test
    void aDraftOfAnExistingModelStartsFromItAndConflictsIfTheModelMovedOn() {
        UUID id = CatalogFixtures.createModel(editor, "Base", unique("base"));
        String draftId = editor.patch(MODELS + "draft", "{\"model_id\": \"" + id + "\", \"description\": \"from draft\"}")
                .json().get("draft_id").stringValue();
        editor.post(MODELS + "update", "{\"models\": [{\"model_id\": \"" + id + "\", \"name\": \"Changed meanwhile\"}]}");

        JsonNode refused = editor.post(MODELS + "update", "{\"models\": [{\"draft_id\": \"" + draftId + "\"}]}")
                .json().get("results").get(0);
        JsonNode forced = editor.post(MODELS + "update",
                "{\"models\": [{\"draft_id\": \"" + draftId + "\", \"expected_version\": 2}]}").json().get("results").get(0);

        assertThat(refused.get("success").booleanValue()).isFalse();
        assertThat(refused.get("message").stringValue()).contains("version 2");
        assertThat(forced.get("success").booleanValue()).as(forced.toString()).isTrue();
        JsonNode model = editor.post(MODELS + "get", "{\"model_id\": \"" + id + "\"}").json();
        assertThat(model.get("descriptions").get("value").stringValue()).isEqualTo("from draft");
        assertThat(model.get("names").get("value").stringValue()).as("the draft started from 'Base'").isEqualTo("Base");
    }

    @Test
    void aDraftChecksTheValueFormatOnEveryPatchButPresenceAndUniquenessOnlyWhenPublished() {
        String taken = unique("taken");
        CatalogFixtures.createModel(editor, "Taken", taken);

        TestResponse badFormat = editor.patch(MODELS + "draft", "{\"value\": \"has space\"}");
        TestResponse duplicate = editor.patch(MODELS + "draft", "{\"name\": \"Twin\", \"value\": \"" + taken + "\"}");
        TestResponse nameless = editor.patch(MODELS + "draft", "{\"description\": \"no name, no value\"}");

        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.json().get("errors").findValuesAsString("field")).containsExactly("value");
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(200);
        assertThat(nameless.status()).as(nameless.body()).isEqualTo(200);
        assertThat(publish(duplicate).get("errors").findValuesAsString("message")).anyMatch(m -> m.contains("taken"));
        assertThat(publish(nameless).get("errors").findValuesAsString("field")).contains("name", "value");
    }

    @Test
    void draftsArePersonal(TestApi api) {
        String draftId = editor.patch(MODELS + "draft", "{\"name\": \"Mine\"}").json().get("draft_id").stringValue();
        TestApi other = api.asAdmin();

        assertThat(editor.post(MODELS + "drafts", null).json().get("entries").findValuesAsString("draft_id")).contains(draftId);
        assertThat(other.post(MODELS + "drafts", null).json().get("entries").findValuesAsString("draft_id")).doesNotContain(draftId);
        assertThat(other.patch(MODELS + "draft", "{\"input_draft_id\": \"" + draftId + "\", \"expected_version\": 1}")
                .status()).isEqualTo(404);
        assertThat(other.post(MODELS + "get", "{\"draft_id\": \"" + draftId + "\"}").status()).isEqualTo(404);
    }

    private JsonNode publish(TestResponse draft) {
        String draftId = draft.json().get("draft_id").stringValue();
        JsonNode result = editor.post(MODELS + "update", "{\"models\": [{\"draft_id\": \"" + draftId + "\"}]}")
                .json().get("results").get(0);
        assertThat(result.get("success").booleanValue()).as(result.toString()).isFalse();
        return result;
    }

    @Test
    void badDraftInputIsRefusedFieldByField() {
        TestResponse refused = editor.patch(MODELS + "draft", """
                {"name": 5, "flag_ids": ["not-a-uuid"], "department_ids": ["%s"], "tier": "gold", "colour": "red"}
                """.formatted(UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .contains("name", "flag_ids[0]", "colour");
        TestResponse missingVersion = editor.patch(MODELS + "draft",
                "{\"input_draft_id\": \"" + UUID.randomUUID() + "\", \"name\": \"x\"}");
        assertThat(missingVersion.status()).isEqualTo(400);
    }
}
