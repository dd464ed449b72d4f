package dev.quartermaster.catalog.editing;

import dev.quartermaster.audit.AuditLog;
import dev.quartermaster.catalog.ArtifactResponses.ModelResultItem;
import dev.quartermaster.catalog.ArtifactResponses;
import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.catalog.drafts.DraftStore;
import dev.quartermaster.catalog.drafts.Drafts;
import dev.quartermaster.catalog.model.ModelFields;
import dev.quartermaster.catalog.model.ModelInput;
import dev.quartermaster.catalog.model.ModelRules;
import dev.quartermaster.catalog.model.ModelStore;
import dev.quartermaster.catalog.model.StoredModel;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.FieldChanges;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Bulk create and update. Each item is written in its own transaction (see {@link ItemTransactions}),
 * so a bad item is reported in its result and the good ones are kept.
 */
@Service
public class ModelEditor {

    static final int MAX_ITEMS = 500;
    static final String AUDIT_TYPE = "catalog_model";
    private static final Set<String> UPDATE_EXTRA = Set.of("model_id", "draft_id", "expected_version");

    private final ModelStore store;
    private final DraftStore draftStore;
    private final Drafts drafts;
    private final ModelRules rules;
    private final ItemTransactions items;
    private final Changes changes;
    private final AuditLog audit;

    ModelEditor(ModelStore store, DraftStore draftStore, Drafts drafts, ModelRules rules, ItemTransactions items,
                Changes changes, AuditLog audit) {
        this.store = store;
        this.draftStore = draftStore;
        this.drafts = drafts;
        this.rules = rules;
        this.items = items;
        this.changes = changes;
        this.audit = audit;
    }

    public ArtifactResponses.ModelResults create(Caller caller, List<JsonNode> models) {
        List<ModelResultItem> results = new ArrayList<>();
        for (int i = 0; i < batch("models", models).size(); i++) {
            JsonNode item = models.get(i);
            int index = i;
            results.add(items.run(index, null, () -> createOne(caller, index, item)));
        }
        return new ArtifactResponses.ModelResults(results);
    }

    public ArtifactResponses.ModelResults update(Caller caller, List<JsonNode> models) {
        List<ModelResultItem> results = new ArrayList<>();
        for (int i = 0; i < batch("models", models).size(); i++) {
            JsonNode item = models.get(i);
            int index = i;
            UUID named = item != null && item.path("model_id").isString()
                    ? ItemTransactions.uuidOrNull(item.path("model_id").stringValue()) : null;
            results.add(items.run(index, named, () -> updateOne(caller, index, item)));
        }
        return new ArtifactResponses.ModelResults(results);
    }

    /** One update item (or a draft to publish) on its own: a refusal is thrown with its status, not returned. */
    public ModelResultItem updateOne(Caller caller, JsonNode item) {
        return items.single(() -> updateOne(caller, 0, item));
    }

    private ModelResultItem createOne(Caller caller, int index, JsonNode item) {
        PatchRequest patch = ModelInput.read(item, Set.of());
        ModelFields fields = valid(patch, ModelFields.EMPTY, null);
        UUID id = store.insert(fields, false);
        UUID draftId = draftStore.insert(caller.userId(), id, 1, fields);
        changes.publish(Catalog.TOPIC);
        audit.record(caller, "create", AUDIT_TYPE, id.toString(), describe(fields));
        return new ModelResultItem(index, true, id, draftId, 1, "created", List.of());
    }

    private ModelResultItem updateOne(Caller caller, int index, JsonNode item) {
        PatchRequest patch = ModelInput.read(item, UPDATE_EXTRA);
        UUID modelId = patch.uuid("model_id");
        UUID draftId = patch.uuid("draft_id");
        Integer expected = patch.integer("expected_version");
        if (draftId != null) {
            return publish(caller, index, drafts.find(caller, draftId), modelId, expected, patch);
        }
        if (modelId == null) {
            patch.reject(new FieldError("model_id", "is required (or draft_id, to publish a draft)"));
            patch.validate();
        }
        StoredModel model = store.find(modelId).orElseThrow(() -> ApiException.notFound("no model " + modelId));
        ModelFields fields = valid(patch, model.fields(), modelId);
        int version = write(modelId, fields, expected == null ? model.version() : expected);
        recordUpdate(caller, modelId, model.fields(), fields, Map.of());
        return new ModelResultItem(index, true, modelId, null, version, "updated", List.of());
    }

    /** A draft's state, with the item's fields on top, becomes its model (created if it has none yet). */
    private ModelResultItem publish(Caller caller, int index, DraftStore.Draft draft, UUID modelId, Integer expected,
                                    PatchRequest patch) {
        if (modelId != null && !modelId.equals(draft.modelId())) {
            throw ApiException.invalid("draft_id", "is a draft of " + (draft.modelId() == null ? "a new model"
                    : "model " + draft.modelId()) + ", not of model " + modelId);
        }
        ModelFields fields = valid(patch, draft.state(), draft.modelId());
        draftStore.delete(draft.id());
        if (draft.modelId() == null) {
            UUID id = store.insert(fields, false);
            changes.publish(Catalog.TOPIC);
            Map<String, Object> details = describe(fields);
            details.put("draftId", draft.id().toString());
            audit.record(caller, "create", AUDIT_TYPE, id.toString(), details);
            return new ModelResultItem(index, true, id, draft.id(), 1, "draft published as a new model", List.of());
        }
        ModelFields current = store.find(draft.modelId()).map(StoredModel::fields).orElse(ModelFields.EMPTY);
        int version = write(draft.modelId(), fields, expected == null ? draft.modelVersion() : expected);
        recordUpdate(caller, draft.modelId(), current, fields, Map.of("draftId", draft.id().toString()));
        return new ModelResultItem(index, true, draft.modelId(), draft.id(), version, "draft published", List.of());
    }

    private int write(UUID modelId, ModelFields fields, int expectedVersion) {
        int version = store.update(modelId, fields, expectedVersion).orElseThrow(() -> {
            int current = store.find(modelId).map(StoredModel::version).orElse(0);
            return ApiException.conflict("model " + modelId + " is at version " + current + ", not " + expectedVersion
                    + "; nothing was changed", Map.of("current_version", current));
        });
        changes.publish(Catalog.TOPIC);
        return version;
    }

    private void recordUpdate(Caller caller, UUID modelId, ModelFields before, ModelFields after, Map<String, Object> extra) {
        Map<String, Object> changed = FieldChanges.between(describe(before), describe(after));
        changed.putAll(extra);
        audit.record(caller, "update", AUDIT_TYPE, modelId.toString(), changed);
    }

    /** A model's fields as its audit entries show them. */
    static Map<String, Object> describe(ModelFields f) {
        Map<String, Object> sections = new java.util.TreeMap<>();
        f.sections().forEach((kind, ids) -> sections.put(kind.section(), ids.stream().map(UUID::toString).toList()));
        return FieldChanges.of("name", f.name(), "description", f.description(), "value", f.value(),
                "provider", f.provider(), "tier", f.tier(), "capabilities", f.capabilities(),
                "contextWindow", f.contextWindow(), "active", f.active(),
                "providerIds", f.providerIds().stream().map(UUID::toString).toList(), "sections", sections);
    }

    /** The patched fields, completed with defaults, or every problem with them at once. */
    private ModelFields valid(PatchRequest patch, ModelFields base, UUID self) {
        ModelFields fields = rules.complete(ModelInput.apply(patch, base));
        List<FieldError> errors = new ArrayList<>(rules.check(fields, true));
        store.idOfValue(fields.value() == null ? "" : fields.value()).filter(other -> !other.equals(self))
                .ifPresent(other -> errors.add(new FieldError("value", "is already taken by model " + other)));
        errors.forEach(patch::reject);
        patch.validate();
        return fields;
    }

    /** The items of a batch operation: a list is required, of at most {@value #MAX_ITEMS} items. */
    static <T> List<T> batch(String field, List<T> items) {
        if (items == null) {
            throw ApiException.invalid(field, "is required: a list");
        }
        if (items.size() > MAX_ITEMS) {
            throw ApiException.invalid(field, "at most " + MAX_ITEMS + " items per request");
        }
        return items;
    }
}
