package dev.quartermaster.identity;

import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import jakarta.validation.Valid;
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

/** {@code /api/v1/system/groups}. Membership is set on the user ({@code groups}). */
@RestController
@RequestMapping("/api/v1/system/groups")
class GroupController {

    private final GroupAdmin admin;

    GroupController(GroupAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    Envelope<List<GroupView>> list(Caller caller) {
        caller.require(Permissions.USERS_READ);
        return Envelope.of(admin.list());
    }

    @GetMapping("/{id}")
    Envelope<GroupView> get(Caller caller, @PathVariable UUID id) {
        caller.require(Permissions.USERS_READ);
        return Envelope.of(admin.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Envelope<GroupView> create(Caller caller, @Valid @RequestBody IdentityRequests.CreateGroup request) {
        caller.require(Permissions.USERS_CREATE);
        return Envelope.of(admin.create(request, caller));
    }

    @PatchMapping("/{id}")
    Envelope<GroupView> update(Caller caller, @PathVariable UUID id, @RequestBody JsonNode body) {
        caller.require(Permissions.USERS_UPDATE);
        return Envelope.of(admin.update(id, PatchRequest.of(body), caller));
    }

    @DeleteMapping("/{id}")
    Envelope<GroupView> delete(Caller caller, @PathVariable UUID id) {
        caller.require(Permissions.USERS_DELETE);
        return Envelope.of(admin.delete(id));
    }
}
