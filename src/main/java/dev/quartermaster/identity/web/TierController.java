package dev.quartermaster.identity.web;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.administration.IdentityRequests;
import dev.quartermaster.identity.administration.TierAdmin;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import java.util.List;
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

/** {@code /api/v1/system/tiers}. Ordered by rank. */
@RestController
@RequestMapping("/api/v1/system/tiers")
class TierController {

    private final TierAdmin admin;

    TierController(TierAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<List<Tier>> list() {
        return Envelope.of(admin.list());
    }

    @GetMapping("/{name}")
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<Tier> get(@PathVariable String name) {
        return Envelope.of(admin.get(name));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.USERS_CREATE)
    Envelope<Tier> create(Caller caller, @RequestBody Checked<IdentityRequests.CreateTier> request) {
        return Envelope.of(admin.create(request, caller));
    }

    @PatchMapping("/{name}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<Tier> update(Caller caller, @PathVariable String name, @RequestBody JsonNode body) {
        return Envelope.of(admin.update(name, PatchRequest.of(body), caller));
    }

    @DeleteMapping("/{name}")
    @RequiresPermission(Permissions.USERS_DELETE)
    Envelope<Tier> delete(Caller caller, @PathVariable String name) {
        return Envelope.of(admin.delete(name, caller));
    }
}
