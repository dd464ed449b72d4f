package dev.quartermaster.catalog.drafts;

import dev.quartermaster.catalog.ArtifactResponses;
import dev.quartermaster.catalog.model.ModelFields;
import dev.quartermaster.catalog.model.ModelInput;
import dev.quartermaster.catalog.model.ModelRules;
import dev.quartermaster.catalog.model.ModelStore;
import dev.quartermaster.catalog.model.StoredModel;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Drafts: an editor's versioned work on a model. A change names the version it was made at; if the
 * draft moved on meanwhile it is refused with 409 and the current version, never merged.
 */
@Service
public class Drafts {

    private static final Set<String> EXTRA = Set.of("input_draft_id", "expected_version", "model_id", "name_id",
            "description_id");

    private final DraftStore store;
    private final ModelStore models;
    private final ModelRules rules;

    Drafts(DraftStore store, ModelStore models, ModelRules rules) {
        this.store = store;
        this.models = models;
        this.rules = rules;
    }

    public ArtifactResponses.DraftPatched patch(Caller caller, JsonNode body) {
        PatchRequest patch = ModelInput.read(body, EXTRA);
        UUID draftId = patch.uuid("input_draft_id");
        Integer expected = patch.integer("expected_version");
        UUID modelId = patch.uuid("model_id");
        for (String field : List.of("name_id", "description_id")) {
            if (patch.node(field) != null && !patch.isNull(field)) {
                patch.reject(new FieldError(field, "names and descriptions are plain text: send name or description"));
            }
        }
        if (draftId != null && modelId != null) {
            patch.reject(new FieldError("model_id", "is fixed when a draft starts; send it without input_draft_id"));
        }
        return draftId == null ? start(caller, modelId, patch) : change(caller, draftId, expected, patch);
    }

    public ArtifactResponses.Drafts list(Caller caller) {
        return new ArtifactResponses.Drafts(store.list(caller.userId()).stream().map(Drafts::entry).toList());
    }

    /** The caller's draft, or 404: another user's draft is not shown to exist. */
    public DraftStore.Draft find(Caller caller, UUID id) {
        return store.find(caller.userId(), id).orElseThrow(() -> ApiException.notFound("you have no draft " + id));
    }

    private ArtifactResponses.DraftPatched start(Caller caller, UUID modelId, PatchRequest patch) {
        StoredModel model = modelId == null ? null : models.find(modelId)
                .orElseThrow(() -> ApiException.notFound("no model " + modelId));
        ModelFields state = checked(patch, model == null ? ModelFields.EMPTY : model.fields());
        UUID id = store.insert(caller.userId(), modelId, model == null ? null : model.version(), state);
        return new ArtifactResponses.DraftPatched(true, id, 1,
                model == null ? "draft of a new model started" : "draft of model " + modelId + " started",
                ModelInput.write(state));
    }

    private ArtifactResponses.DraftPatched change(Caller caller, UUID id, Integer expected, PatchRequest patch) {
        if (expected == null) {
            patch.reject(new FieldError("expected_version", "is required to change a draft: send the version you saw"));
            patch.validate();
        }
        DraftStore.Draft draft = find(caller, id);
        ModelFields state = checked(patch, draft.state());
        int version = store.replace(caller.userId(), id, expected, state).orElseThrow(() -> stale(caller, id, expected));
        return new ArtifactResponses.DraftPatched(true, id, version, "draft updated", ModelInput.write(state));
    }

    private ModelFields checked(PatchRequest patch, ModelFields base) {
        ModelFields state = ModelInput.apply(patch, base);
        rules.check(state, false).forEach(patch::reject);
        patch.validate();
        return state;
    }

    private ApiException stale(Caller caller, UUID id, int expected) {
        int current = find(caller, id).version();
        return ApiException.conflict("draft " + id + " is at version " + current + ", not " + expected
                + "; get it again and reapply your change", Map.of("current_version", current, "draft_id", id));
    }

    private static ArtifactResponses.DraftEntry entry(DraftStore.Draft d) {
        return new ArtifactResponses.DraftEntry(d.id(), d.modelId(), d.version(), d.modelVersion(), d.createdAt(),
                d.updatedAt(), ModelInput.write(d.state()));
    }
}
