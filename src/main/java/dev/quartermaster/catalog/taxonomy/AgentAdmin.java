package dev.quartermaster.catalog.taxonomy;

import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agents: a unique name and the catalog models they use. */
@Service
public class AgentAdmin {

    private final AgentStore store;
    private final Changes changes;

    AgentAdmin(AgentStore store, Changes changes) {
        this.store = store;
        this.changes = changes;
    }

    public List<Agent> list() {
        return store.list();
    }

    public Agent get(UUID id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("no agent " + id));
    }

    @Transactional
    public Agent create(Checked<TaxonomyRequests.NewAgent> body) {
        if (body.sent().name() != null && store.nameTaken(body.sent().name(), null)) {
            body.reject(new FieldError("name", "is already taken"));
        }
        body.rejectAll(unknownModels(body.sent().modelIds()));
        TaxonomyRequests.NewAgent agent = body.valid();
        UUID id = store.insert(agent.name(), agent.description() == null ? "" : agent.description());
        store.setModels(id, agent.modelIds());
        return changed(id);
    }

    @Transactional
    public Agent update(UUID id, PatchRequest patch) {
        get(id);
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
        return changed(id);
    }

    @Transactional
    public Agent delete(UUID id) {
        Agent agent = get(id);
        store.delete(id);
        changes.publish(Catalog.TOPIC);
        return agent;
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
