package dev.quartermaster.catalog;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

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

    public record GetModel(UUID modelId, UUID draftId) {
    }

    public record Search(String search,
                  List<UUID> filterProviderIds,
                  List<UUID> filterDepartmentIds,
                  List<UUID> filterAgentIds,
                  String providerSearch,
                  String departmentSearch,
                  String agentSearch,
                  @Schema(description = "1-500, default 50") Integer pageSize,
                  @Schema(description = "0 or more, default 0") Integer pageOffset) {

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

    public record Duplicate(UUID modelId) {
    }

    /** The ids are read one by one, as JSON values, so that a malformed one fails alone in its result. */
    public record Delete(@ArraySchema(schema = @Schema(type = "string", format = "uuid")) List<JsonNode> modelIds) {
    }

    public record Docs(UUID entityId) {
    }

    public record Export(UUID modelId) {
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
                           @Schema(description = "tokens, > 0") Integer contextWindow,
                           @Schema(description = "default true") Boolean active,
                           @Schema(description = "provider profiles that serve the model, first one first")
                           List<UUID> providerIds,
                           List<UUID> flagIds,
                           List<UUID> departmentIds,
                           List<UUID> modalityIds,
                           List<UUID> pricingIds,
                           List<UUID> qualityIds,
                           List<UUID> reasoningLevelIds,
                           List<UUID> temperatureLevelIds,
                           List<UUID> voiceIds,
                           List<UUID> valueIds) {
    }

    @Schema(allOf = CreateModelItem.class, description = "Changes to a model: the fields sent replace the "
            + "model's (null clears). With draft_id the draft is published into its model (or creates it) and then "
            + "removed. expected_version, if sent, must equal the model's version.")
    record UpdateModelItem(UUID modelId, UUID draftId,
                           Integer expectedVersion) {
    }

    @Schema(allOf = CreateModelItem.class, description = "Without input_draft_id: starts a draft, of the model "
            + "named by model_id or of a new model. With it: changes that draft if expected_version is its version, "
            + "else 409. name_id and description_id are accepted only as null: names and descriptions are text.")
    public record PatchDraft(UUID inputDraftId,
                      Integer expectedVersion,
                      UUID modelId, UUID nameId,
                      UUID descriptionId) {
    }
}
