package dev.quartermaster.identity.web;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.identity.administration.RateLimitAdmin;
import dev.quartermaster.identity.store.RateLimitView;
import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The rate limits of a tier ({@code /api/v1/system/tiers/{name}/rate-limits}, per user of the tier)
 * and of an API key ({@code /api/v1/system/users/{id}/api-keys/{keyId}/rate-limits}), with the
 * permissions of the tier and of the key: PUT sets all three limits, PATCH those it sends.
 */
@RestController
class RateLimitController {

    private static final String TIER = "/api/v1/system/tiers/{name}/rate-limits";
    private static final String KEY = "/api/v1/system/users/{id}/api-keys/{keyId}/rate-limits";

    private final RateLimitAdmin admin;

    RateLimitController(RateLimitAdmin admin) {
        this.admin = admin;
    }

    @GetMapping(TIER)
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<RateLimitView> tier(@PathVariable String name) {
        return Envelope.of(admin.tier(name));
    }

    @PutMapping(TIER)
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<RateLimitView> putTier(Caller caller, @PathVariable String name, @RequestBody JsonNode body) {
        return Envelope.of(admin.setTier(name, PatchRequest.of(body), true, caller));
    }

    @PatchMapping(TIER)
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<RateLimitView> patchTier(Caller caller, @PathVariable String name, @RequestBody JsonNode body) {
        return Envelope.of(admin.setTier(name, PatchRequest.of(body), false, caller));
    }

    @GetMapping(KEY)
    @RequiresPermission(Permissions.USERS_READ)
    Envelope<RateLimitView> key(@PathVariable UUID id, @PathVariable UUID keyId) {
        return Envelope.of(admin.apiKey(id, keyId));
    }

    @PutMapping(KEY)
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<RateLimitView> putKey(Caller caller, @PathVariable UUID id, @PathVariable UUID keyId,
                                   @RequestBody JsonNode body) {
        return Envelope.of(admin.setApiKey(id, keyId, PatchRequest.of(body), true, caller));
    }

    @PatchMapping(KEY)
    @RequiresPermission(Permissions.USERS_UPDATE)
    Envelope<RateLimitView> patchKey(Caller caller, @PathVariable UUID id, @PathVariable UUID keyId,
                                     @RequestBody JsonNode body) {
        return Envelope.of(admin.setApiKey(id, keyId, PatchRequest.of(body), false, caller));
    }
}
