package dev.quartermaster.identity.web;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.identity.administration.IdentityRequests;
import dev.quartermaster.identity.administration.UserAdmin;
import dev.quartermaster.identity.store.ApiKeyView;
import dev.quartermaster.identity.store.UserView;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/system/users}: users and their API keys. */
@RestController
@RequestMapping("/api/v1/system/users")
class UserController {

    private final UserAdmin admin;

    UserController(UserAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<List<UserView>> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                  @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return Envelope.of(admin.list(limit, offset));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<UserView> get(@PathVariable UUID id) {
        return Envelope.of(admin.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.USERS_CREATE)
    Envelope<UserView> create(Caller caller, @RequestBody Checked<IdentityRequests.CreateUser> request) {
        return Envelope.of(admin.create(request, caller));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<UserView> update(Caller caller, @PathVariable UUID id, @RequestBody JsonNode body) {
        return Envelope.of(admin.update(id, PatchRequest.of(body), caller));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permissions.USERS_DELETE)
    Envelope<UserView> delete(Caller caller, @PathVariable UUID id) {
        return Envelope.of(admin.delete(id, caller));
    }

    @PostMapping("/{id}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<ApiKeyView> createKey(Caller caller, @PathVariable UUID id,
                                   @RequestBody IdentityRequests.CreateApiKey request) {
        return Envelope.of(admin.createKey(id, request.name(), caller));
    }

    @GetMapping("/{id}/api-keys")
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<List<ApiKeyView>> keys(@PathVariable UUID id) {
        return Envelope.of(admin.keys(id));
    }

    @DeleteMapping("/{id}/api-keys/{keyId}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<ApiKeyView> revokeKey(Caller caller, @PathVariable UUID id, @PathVariable UUID keyId) {
        return Envelope.of(admin.revokeKey(id, keyId, caller));
    }
}
