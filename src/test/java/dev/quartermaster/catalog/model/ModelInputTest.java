package dev.quartermaster.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One reader for create and update items and draft patches: the same fields, absent kept, null cleared. */
class ModelInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID FLAG = UUID.randomUUID();

    private final ModelFields base = new ModelFields("Base", "about", "base-1", "openai", "pro", List.of("chat"), 8000,
            true, List.of(), Map.of(TaxonomyKind.FLAG, List.of(FLAG)));

    @Test
    void aFieldThatIsNotAModelFieldIsRefusedUnlessTheOperationAllowsIt() {
        PatchRequest refused = ModelInput.read(json("{\"name\": \"x\", \"colour\": \"red\"}"), Set.of());
        PatchRequest allowed = ModelInput.read(json("{\"name\": \"x\", \"expected_version\": 2}"), Set.of("expected_version"));

        assertThat(errorFields(refused)).containsExactly("colour");
        assertThat(errorFields(allowed)).isEmpty();
    }

    @Test
    void absentFieldsAreKeptSentOnesReplacedAndNullClears() {
        PatchRequest patch = ModelInput.read(json("{\"name\": \"Renamed\", \"description\": null, \"flag_ids\": []}"),
                Set.of());

        ModelFields patched = ModelInput.apply(patch, base);

        assertThat(errorFields(patch)).isEmpty();
        assertThat(patched.name()).isEqualTo("Renamed");
        assertThat(patched.description()).isNull();
        assertThat(patched.section(TaxonomyKind.FLAG)).isEmpty();
        assertThat(patched.value()).isEqualTo("base-1");
        assertThat(patched.capabilities()).containsExactly("chat");
        assertThat(patched.contextWindow()).isEqualTo(8000);
    }

    @Test
    void capabilitiesAreKeptInOrderWithoutRepeats() {
        ModelFields patched = ModelInput.apply(PatchRequest.of(json("{\"capabilities\": [\"code\", \"chat\", \"code\"]}")),
                base);

        assertThat(patched.capabilities()).containsExactly("code", "chat");
    }

    @Test
    void wrongTypesAreFieldErrorsNotExceptions() {
        PatchRequest patch = ModelInput.read(json("""
                {"name": 7, "context_window": "big", "active": "yes", "provider_ids": ["not-a-uuid"]}"""), Set.of());

        ModelInput.apply(patch, base);

        assertThat(errorFields(patch)).containsExactly("name", "context_window", "active", "provider_ids[0]");
    }

    @Test
    void whatADraftStoresReadsBackAsTheSameFields() {
        ModelFields stored = ModelInput.parseStored(ModelInput.write(base).toString());

        assertThat(stored).usingRecursiveComparison().ignoringFields("sections").isEqualTo(base);
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            assertThat(stored.section(kind)).as(kind.idsField()).isEqualTo(base.section(kind));
        }
        assertThat(ModelInput.FIELDS).contains("name", "value", "provider_ids", "flag_ids", "pricing_ids");
    }

    /** The fields {@code validate} would report, in order; none if it passes. */
    private static List<String> errorFields(PatchRequest patch) {
        try {
            patch.validate();
            return List.of();
        } catch (ApiException e) {
            return e.problem().errors().stream().map(FieldError::field).toList();
        }
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
