package dev.quartermaster.identity.web;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.identity.administration.GroupAdmin;
import dev.quartermaster.identity.administration.IdentityRequests;
import dev.quartermaster.identity.store.GroupView;
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

/** {@code /api/v1/system/groups}. Membership is set on the user ({@code groups}). */
@RestController
@RequestMapping("/api/v1/system/groups")
class GroupController {

    private final GroupAdmin admin;

    GroupController(GroupAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<List<GroupView>> list() {
        return Envelope.of(admin.list());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<GroupView> get(@PathVariable UUID id) {
        return Envelope.of(admin.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.USERS_CREATE)
    Envelope<GroupView> create(Caller caller, @RequestBody Checked<IdentityRequests.CreateGroup> request) {
        return Envelope.of(admin.create(request, caller));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<GroupView> update(Caller caller, @PathVariable UUID id, @RequestBody JsonNode body) {
        return Envelope.of(admin.update(id, PatchRequest.of(body), caller));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permissions.USERS_DELETE)
    Envelope<GroupView> delete(Caller caller, @PathVariable UUID id) {
        return Envelope.of(admin.delete(id, caller));
    }
}
