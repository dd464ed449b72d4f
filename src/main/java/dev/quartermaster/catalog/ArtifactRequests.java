package dev.quartermaster.catalog;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quartermaster.providers.ProviderType;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies of {@code /api/v5/artifacts/models/*}. Unknown fields are refused (see
 * {@link StrictRequests}). Create and update items are read one by one (so that a bad item fails
 * alone); their records here describe the wire shape for the API description and {@code docs}.
 */
public final class ArtifactRequests {

    /** Limits of a model's text fields, for the item reader, the editor form and the API description. */
    public static final int NAME = 200;
    public static final int DESCRIPTION = 4000;
    public static final int VALUE = 200;
    public static final String VALUE_RULE = "must be 1-" + VALUE
            + " letters, digits or . _ : / @ + -, starting with a letter or digit";

    private ArtifactRequests() {
    }

    public record GetModel(@JsonProperty("model_id") UUID modelId, @JsonProperty("draft_id") UUID draftId) {
    }

    public record Search(String search,
                  @JsonProperty("filter_provider_ids") List<UUID> filterProviderIds,
                  @JsonProperty("filter_department_ids") List<UUID> filterDepartmentIds,
                  @JsonProperty("filter_agent_ids") List<UUID> filterAgentIds,
                  @JsonProperty("provider_search") String providerSearch,
                  @JsonProperty("department_search") String departmentSearch,
                  @JsonProperty("agent_search") String agentSearch,
                  @Schema(description = "1-500, default 50") @JsonProperty("page_size") Integer pageSize,
                  @Schema(description = "0 or more, default 0") @JsonProperty("page_offset") Integer pageOffset) {

        public Search {
            filterProviderIds = filterProviderIds == null ? List.of() : List.copyOf(filterProviderIds);
            filterDepartmentIds = filterDepartmentIds == null ? List.of() : List.copyOf(filterDepartmentIds);
            filterAgentIds = filterAgentIds == null ? List.of() : List.copyOf(filterAgentIds);
        }
    }

    public record CreateModels(@ArraySchema(schema = @Schema(implementation = CreateModelItem.class)) List<JsonNode> models) {
    }

    public record UpdateModels(@ArraySchema(schema = @Schema(implementation = UpdateModelItem.class)) List<JsonNode> models) {
    }

    public record Duplicate(@JsonProperty("model_id") UUID modelId) {
    }

    /** The ids are read one by one, as JSON values, so that a malformed one fails alone in its result. */
    public record Delete(@ArraySchema(schema = @Schema(type = "string", format = "uuid")) @JsonProperty("model_ids")
                  List<JsonNode> modelIds) {
    }

    public record Docs(@JsonProperty("entity_id") UUID entityId) {
    }

    public record Export(@JsonProperty("model_id") UUID modelId) {
    }

    @Schema(description = "A model to create. name and value are required; provider is derived from the first "
            + "provider profile when not given; tier defaults to the lowest.")
    record CreateModelItem(@Schema(description = "display name", minLength = 1, maxLength = NAME, requiredMode = REQUIRED)
                           String name,
                           @Schema(maxLength = DESCRIPTION) String description,
                           @Schema(description = "the model id clients pass as model, unique: letters, digits, . _ : / @ + -",
                                   maxLength = VALUE, requiredMode = REQUIRED) String value,
                           @Schema(implementation = ProviderType.class,
                                   description = "default: that of the first provider profile") String provider,
                           @Schema(description = "minimum plan tier; default: the lowest") String tier,
                           List<Capability> capabilities,
                           @Schema(description = "tokens, > 0") @JsonProperty("context_window") Integer contextWindow,
                           @Schema(description = "default true") Boolean active,
                           @Schema(description = "provider profiles that serve the model, first one first")
                           @JsonProperty("provider_ids") List<UUID> providerIds,
                           @JsonProperty("flag_ids") List<UUID> flagIds,
                           @JsonProperty("department_ids") List<UUID> departmentIds,
                           @JsonProperty("modality_ids") List<UUID> modalityIds,
                           @JsonProperty("pricing_ids") List<UUID> pricingIds,
                           @JsonProperty("quality_ids") List<UUID> qualityIds,
                           @JsonProperty("reasoning_level_ids") List<UUID> reasoningLevelIds,
                           @JsonProperty("temperature_level_ids") List<UUID> temperatureLevelIds,
                           @JsonProperty("voice_ids") List<UUID> voiceIds,
                           @JsonProperty("value_ids") List<UUID> valueIds) {
    }

    @Schema(allOf = CreateModelItem.class, description = "Changes to a model: the fields sent replace the "
            + "model's (null clears). With draft_id the draft is published into its model (or creates it) and then "
            + "removed. expected_version, if sent, must equal the model's version.")
    record UpdateModelItem(@JsonProperty("model_id") UUID modelId, @JsonProperty("draft_id") UUID draftId,
                           @JsonProperty("expected_version") Integer expectedVersion) {
    }

    @Schema(allOf = CreateModelItem.class, description = "Without input_draft_id: starts a draft, of the model "
            + "named by model_id or of a new model. With it: changes that draft if expected_version is its version, "
            + "else 409. name_id and description_id are accepted only as null: names and descriptions are text.")
    public record PatchDraft(@JsonProperty("input_draft_id") UUID inputDraftId,
                      @JsonProperty("expected_version") Integer expectedVersion,
                      @JsonProperty("model_id") UUID modelId, @JsonProperty("name_id") UUID nameId,
                      @JsonProperty("description_id") UUID descriptionId) {
    }
}
