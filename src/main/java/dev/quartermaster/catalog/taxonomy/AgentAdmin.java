package dev.quartermaster.catalog.taxonomy;

import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
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
    public Agent create(PatchRequest body) {
        String name = name(body, null);
        String description = body.stringAtMost("description", 1000);
        List<UUID> models = models(body);
        body.validate();
        UUID id = store.insert(name, description == null ? "" : description);
        store.setModels(id, models);
        return changed(id);
    }

    @Transactional
    public Agent update(UUID id, PatchRequest patch) {
        get(id);
        if (patch.has("name")) {
            store.set(id, "name", name(patch, id));
        }
        if (patch.has("description")) {
            String description = patch.stringAtMost("description", 1000);
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
        if (name == null || name.isBlank() || name.length() > 100) {
            body.reject(new FieldError("name", "must be 1-100 characters"));
        } else if (store.nameTaken(name, self)) {
            body.reject(new FieldError("name", "is already taken"));
        }
        return name;
    }

    private List<UUID> models(PatchRequest body) {
        List<UUID> ids = body.uuids("modelIds");
        List<UUID> unknown = ids.isEmpty() ? List.of() : store.unknownModels(ids);
        for (UUID missing : unknown) {
            body.reject(new FieldError("modelIds[" + ids.indexOf(missing) + "]", "no catalog model " + missing));
        }
        return ids;
    }

    private Agent changed(UUID id) {
        changes.publish(Catalog.TOPIC);
        return get(id);
    }
}
