package dev.quartermaster.identity;

import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import jakarta.validation.Valid;
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
    Envelope<List<Tier>> list(Caller caller) {
        caller.require(Permissions.USERS_READ);
        return Envelope.of(admin.list());
    }

    @GetMapping("/{name}")
    Envelope<Tier> get(Caller caller, @PathVariable String name) {
        caller.require(Permissions.USERS_READ);
        return Envelope.of(admin.get(name));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Envelope<Tier> create(Caller caller, @Valid @RequestBody IdentityRequests.CreateTier request) {
        caller.require(Permissions.USERS_CREATE);
        return Envelope.of(admin.create(request));
    }

    @PatchMapping("/{name}")
    Envelope<Tier> update(Caller caller, @PathVariable String name, @RequestBody JsonNode body) {
        caller.require(Permissions.USERS_UPDATE);
        return Envelope.of(admin.update(name, PatchRequest.of(body)));
    }

    @DeleteMapping("/{name}")
    Envelope<Tier> delete(Caller caller, @PathVariable String name) {
        caller.require(Permissions.USERS_DELETE);
        return Envelope.of(admin.delete(name));
    }
}
