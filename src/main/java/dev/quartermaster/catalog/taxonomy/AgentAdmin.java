package dev.quartermaster.catalog.taxonomy;

import dev.quartermaster.audit.AuditLog;
import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.FieldChanges;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agents: a unique name and the catalog models they use. */
@Service
public class AgentAdmin {

    private static final String AUDIT_TYPE = "catalog_agent";

    private final AgentStore store;
    private final Changes changes;
    private final AuditLog audit;

    AgentAdmin(AgentStore store, Changes changes, AuditLog audit) {
        this.store = store;
        this.changes = changes;
        this.audit = audit;
    }

    public List<Agent> list() {
        return store.list();
    }

    public Agent get(UUID id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("no agent " + id));
    }

    @Transactional
    public Agent create(Checked<TaxonomyRequests.NewAgent> body, Caller caller) {
        if (body.sent().name() != null && store.nameTaken(body.sent().name(), null)) {
            body.reject(new FieldError("name", "is already taken"));
        }
        body.rejectAll(unknownModels(body.sent().modelIds()));
        TaxonomyRequests.NewAgent agent = body.valid();
        UUID id = store.insert(agent.name(), agent.description() == null ? "" : agent.description());
        store.setModels(id, agent.modelIds());
        Agent created = changed(id);
        audit.record(caller, "create", AUDIT_TYPE, id.toString(), describe(created));
        return created;
    }

    @Transactional
    public Agent update(UUID id, PatchRequest patch, Caller caller) {
        Agent before = get(id);
        if (patch.has("name")) {
            store.set(id, "name", name(patch, id));
        }
        if (patch.has("description")) {
            String description = patch.stringAtMost("description", TaxonomyRequests.DESCRIPTION);
            store.set(id, "description", description == null ? "" : description);
        }
        if (patch.has("modelIds")) {
            store.setModels(id, models(patch));
        }
        patch.validate();
        Agent after = changed(id);
        Map<String, Object> changed = FieldChanges.between(describe(before), describe(after));
        if (!changed.isEmpty()) {
            audit.record(caller, "update", AUDIT_TYPE, id.toString(), changed);
        }
        return after;
    }

    @Transactional
    public Agent delete(UUID id, Caller caller) {
        Agent agent = get(id);
        store.delete(id);
        changes.publish(Catalog.TOPIC);
        audit.record(caller, "delete", AUDIT_TYPE, id.toString(), describe(agent));
        return agent;
    }

    private static Map<String, Object> describe(Agent agent) {
        return FieldChanges.of("name", agent.name(), "description", agent.description(),
                "modelIds", agent.modelIds().stream().map(UUID::toString).toList());
    }

    private String name(PatchRequest body, UUID self) {
        String name = body.string("name");
        if (name == null || name.isBlank() || name.length() > TaxonomyRequests.NAME) {
            body.reject(new FieldError("name", TaxonomyRequests.NAME_RULE));
        } else if (store.nameTaken(name, self)) {
            body.reject(new FieldError("name", "is already taken"));
        }
        return name;
    }

    private List<UUID> models(PatchRequest body) {
        List<UUID> ids = body.uuids("modelIds");
        unknownModels(ids).forEach(body::reject);
        return ids;
    }

    private List<FieldError> unknownModels(List<UUID> ids) {
        List<UUID> unknown = ids.isEmpty() ? List.of() : store.unknownModels(ids);
        return unknown.stream().map(m -> new FieldError("modelIds[" + ids.indexOf(m) + "]", "no catalog model " + m)).toList();
    }

    private Agent changed(UUID id) {
        changes.publish(Catalog.TOPIC);
        return get(id);
    }
}
