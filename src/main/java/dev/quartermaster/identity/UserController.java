package dev.quartermaster.identity;

import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import jakarta.validation.Valid;
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
    Envelope<List<UserView>> list(Caller caller,
                                  @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                  @RequestParam(defaultValue = "0") @Min(0) int offset) {
        caller.require(Permissions.USERS_READ);
        return Envelope.of(admin.list(limit, offset));
    }

    @GetMapping("/{id}")
    Envelope<UserView> get(Caller caller, @PathVariable UUID id) {
        caller.require(Permissions.USERS_READ);
        return Envelope.of(admin.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Envelope<UserView> create(Caller caller, @Valid @RequestBody IdentityRequests.CreateUser request) {
        caller.require(Permissions.USERS_CREATE);
        return Envelope.of(admin.create(request, caller));
    }

    @PatchMapping("/{id}")
    Envelope<UserView> update(Caller caller, @PathVariable UUID id, @RequestBody JsonNode body) {
        caller.require(Permissions.USERS_UPDATE);
        return Envelope.of(admin.update(id, PatchRequest.of(body), caller));
    }

    @DeleteMapping("/{id}")
    Envelope<UserView> delete(Caller caller, @PathVariable UUID id) {
        caller.require(Permissions.USERS_DELETE);
        return Envelope.of(admin.delete(id, caller));
    }

    @PostMapping("/{id}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    Envelope<ApiKeyView> createKey(Caller caller, @PathVariable UUID id,
                                   @Valid @RequestBody IdentityRequests.CreateApiKey request) {
        caller.require(Permissions.USERS_UPDATE);
        return Envelope.of(admin.createKey(id, request.name(), caller));
    }

    @GetMapping("/{id}/api-keys")
    Envelope<List<ApiKeyView>> keys(Caller caller, @PathVariable UUID id) {
        caller.require(Permissions.USERS_READ);
        return Envelope.of(admin.keys(id));
    }

    @DeleteMapping("/{id}/api-keys/{keyId}")
    Envelope<ApiKeyView> revokeKey(Caller caller, @PathVariable UUID id, @PathVariable UUID keyId) {
        caller.require(Permissions.USERS_UPDATE);
        return Envelope.of(admin.revokeKey(id, keyId, caller));
    }
}
