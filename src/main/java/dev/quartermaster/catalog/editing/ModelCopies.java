package dev.quartermaster.catalog.editing;

import dev.quartermaster.audit.AuditLog;
import dev.quartermaster.catalog.ArtifactResponses.DeleteModelResult;
import dev.quartermaster.catalog.ArtifactResponses;
import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.catalog.model.ModelFields;
import dev.quartermaster.catalog.model.ModelStore;
import dev.quartermaster.catalog.model.StoredModel;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Duplicating and deleting models. */
@Service
public class ModelCopies {

    private final ModelStore store;
    private final Changes changes;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    ModelCopies(ModelStore store, Changes changes, PlatformTransactionManager manager, AuditLog audit) {
        this.store = store;
        this.changes = changes;
        this.audit = audit;
        this.transactions = new TransactionTemplate(manager);
    }

    /** A copy under a new id, named "X (copy)", "X (copy 2)", … with a free value "v-copy", "v-copy-2", … */
    @Transactional
    public ArtifactResponses.Duplicated duplicate(UUID modelId, Caller caller) {
        if (modelId == null) {
            throw ApiException.invalid("model_id", "is required");
        }
        StoredModel model = store.find(modelId).orElseThrow(() -> ApiException.notFound("no model " + modelId));
        ModelFields fields = model.fields();
        String name = fields.name().length() > 180 ? fields.name().substring(0, 180) : fields.name();
        String value = fields.value().length() > 180 ? fields.value().substring(0, 180) : fields.value();
        for (int n = 1; n <= 1000; n++) {
            String copyName = name + (n == 1 ? " (copy)" : " (copy " + n + ")");
            String copyValue = value + (n == 1 ? "-copy" : "-copy-" + n);
            if (!store.nameTaken(copyName) && !store.valueTaken(copyValue)) {
                ModelFields copy = fields.withNameAndValue(copyName, copyValue);
                UUID id = store.insert(copy, false);
                changes.publish(Catalog.TOPIC);
                Map<String, Object> details = ModelEditor.describe(copy);
                details.put("copiedFrom", modelId.toString());
                audit.record(caller, "create", ModelEditor.AUDIT_TYPE, id.toString(), details);
                return new ArtifactResponses.Duplicated(true, id, "copied " + fields.value() + " as " + copyValue);
            }
        }
        throw ApiException.conflict("model " + modelId + " has too many copies already", Map.of());
    }

    /** Each id in a transaction of its own; an unknown or malformed id fails alone. */
    public ArtifactResponses.DeleteResults delete(List<JsonNode> modelIds, Caller caller) {
        List<DeleteModelResult> results = new ArrayList<>();
        for (JsonNode item : ModelEditor.batch("model_ids", modelIds)) {
            results.add(deleteOne(item, caller));
        }
        return new ArtifactResponses.DeleteResults(results);
    }

    private DeleteModelResult deleteOne(JsonNode item, Caller caller) {
        String sent = item != null && item.isString() ? item.stringValue() : null;
        UUID id = sent == null ? null : ItemTransactions.uuidOrNull(sent);
        if (id == null) {
            return new DeleteModelResult(sent, false, "must be a UUID");
        }
        boolean deleted = Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<StoredModel> model = store.find(id);
            boolean gone = model.isPresent() && store.delete(id);
            if (gone) {
                changes.publish(Catalog.TOPIC);
                audit.record(caller, "delete", ModelEditor.AUDIT_TYPE, id.toString(), ModelEditor.describe(model.get().fields()));
            }
            return gone;
        }));
        return new DeleteModelResult(sent, deleted, deleted ? "deleted" : "no model " + id);
    }
}
