package dev.quartermaster.catalog;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
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
    Envelope<List<Agent>> list(Caller caller) {
        caller.require(Permissions.MODELS_READ);
        return Envelope.of(admin.list());
    }

    @GetMapping("/{id}")
    Envelope<Agent> get(Caller caller, @PathVariable UUID id) {
        caller.require(Permissions.MODELS_READ);
        return Envelope.of(admin.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Envelope<Agent> create(Caller caller, @RequestBody JsonNode body) {
        caller.require(Permissions.MODELS_CREATE);
        return Envelope.of(admin.create(PatchRequest.of(body)));
    }

    @PatchMapping("/{id}")
    Envelope<Agent> update(Caller caller, @PathVariable UUID id, @RequestBody JsonNode body) {
        caller.require(Permissions.MODELS_UPDATE);
        return Envelope.of(admin.update(id, PatchRequest.of(body)));
    }

    @DeleteMapping("/{id}")
    Envelope<Agent> delete(Caller caller, @PathVariable UUID id) {
        caller.require(Permissions.MODELS_DELETE);
        return Envelope.of(admin.delete(id));
    }
}
