package dev.quartermaster.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quartermaster.catalog.drafts.Drafts;
import dev.quartermaster.platform.FieldError;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Response bodies of {@code /api/v5/artifacts/models/*}, in the seed's snake_case. */
public final class ArtifactResponses {

    private ArtifactResponses() {
    }

    /** One item of a bulk create or update, in request order; {@code errors} says what was wrong with it. */
    public record ModelResultItem(int index, boolean success, @JsonProperty("model_id") UUID modelId,
                           @JsonProperty("draft_id") UUID draftId, Integer version, String message,
                           List<FieldError> errors) {

        public ModelResultItem {
            errors = List.copyOf(errors);
        }

        public static ModelResultItem failed(int index, UUID modelId, String message, List<FieldError> errors) {
            return new ModelResultItem(index, false, modelId, null, null, message, errors);
        }
    }

    public record ModelResults(List<ModelResultItem> results) {
    }

    /** {@code model_id} is the id as sent, also when it is not a UUID (or null when it is not even text). */
    public record DeleteModelResult(@JsonProperty("model_id") String modelId, boolean success, String message) {
    }

    public record DeleteResults(List<DeleteModelResult> results) {
    }

    public record Duplicated(boolean success, @JsonProperty("model_id") UUID modelId, String message) {
    }

    /** {@code form_state} is the draft in the request format of PATCH .../draft. */
    public record DraftPatched(boolean success, @JsonProperty("draft_id") UUID draftId,
                        @JsonProperty("new_version") int newVersion, String message,
                        @JsonProperty("form_state") JsonNode formState) {
    }

    public record DraftEntry(@JsonProperty("draft_id") UUID draftId, @JsonProperty("model_id") UUID modelId,
                      int version, @JsonProperty("model_version") Integer modelVersion,
                      @JsonProperty("created_at") OffsetDateTime createdAt,
                      @JsonProperty("updated_at") OffsetDateTime updatedAt,
                      @JsonProperty("form_state") JsonNode formState) {
    }

    public record Drafts(List<DraftEntry> entries) {
    }

    public record Exported(@JsonProperty("upload_id") UUID uploadId, @JsonProperty("file_name") String fileName,
                    @JsonProperty("row_count") int rowCount) {
    }

    public record Refreshed(boolean success, @JsonProperty("refreshed_views") List<String> refreshedViews,
                     @JsonProperty("invalidated_tags") List<String> invalidatedTags) {
    }
}
