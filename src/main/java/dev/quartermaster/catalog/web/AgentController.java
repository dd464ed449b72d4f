package dev.quartermaster.catalog.web;

import dev.quartermaster.catalog.taxonomy.Agent;
import dev.quartermaster.catalog.taxonomy.AgentAdmin;
import dev.quartermaster.catalog.taxonomy.TaxonomyRequests;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/system/catalog/agents}: fields {@code name}, {@code description}, {@code modelIds}. */
@RestController
@RequestMapping("/api/v1/system/catalog/agents")
class AgentController {

    private final AgentAdmin admin;

    AgentController(AgentAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @RequiresPermission(Permissions.MODELS_READ)
    Envelope<List<Agent>> list() {
        return Envelope.of(admin.list());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.MODELS_READ)
    Envelope<Agent> get(@PathVariable UUID id) {
        return Envelope.of(admin.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.MODELS_CREATE)
    Envelope<Agent> create(Caller caller, @RequestBody Checked<TaxonomyRequests.NewAgent> agent) {
        return Envelope.of(admin.create(agent, caller));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permissions.MODELS_UPDATE)
    Envelope<Agent> update(Caller caller, @PathVariable UUID id, @RequestBody JsonNode body) {
        return Envelope.of(admin.update(id, PatchRequest.of(body), caller));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permissions.MODELS_DELETE)
    Envelope<Agent> delete(Caller caller, @PathVariable UUID id) {
        return Envelope.of(admin.delete(id, caller));
    }
}
