package dev.quartermaster.catalog;

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
    public record ModelResultItem(int index, boolean success, UUID modelId,
                           UUID draftId, Integer version, String message,
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
    public record DeleteModelResult(String modelId, boolean success, String message) {
    }

    public record DeleteResults(List<DeleteModelResult> results) {
    }

    public record Duplicated(boolean success, UUID modelId, String message) {
    }

    /** {@code form_state} is the draft in the request format of PATCH .../draft. */
    public record DraftPatched(boolean success, UUID draftId,
                        int newVersion, String message,
                        JsonNode formState) {
    }

    public record DraftEntry(UUID draftId, UUID modelId,
                      int version, Integer modelVersion,
                      OffsetDateTime createdAt,
                      OffsetDateTime updatedAt,
                      JsonNode formState) {
    }

    public record Drafts(List<DraftEntry> entries) {
    }

    public record Exported(UUID uploadId, String fileName,
                    int rowCount) {
    }

    public record Refreshed(boolean success, List<String> refreshedViews,
                     List<String> invalidatedTags) {
    }
}
