package dev.quartermaster.console.pages;

import dev.quartermaster.identity.ApiKeys;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.IdentityAdmin;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * API keys of a user (the caller's own unless another username is asked for), with the admin
 * API's permissions: listing needs users.read, creating and revoking users.update. A new key is
 * in the answer to its creation only, never in a URL or a later page. Each key's rate limits (on top
 * of its user's tier's) are edited as the tier's are.
 */
@Controller
@Hidden
@RequestMapping("/console/keys")
class ApiKeysPage {

    /** A key's rate limits as the form shows them: whole numbers, empty for none. */
    record Limits(String requestsPerMinute, String tokensPerMinute, String concurrentStreams) {

        static Limits of(IdentityAdmin.RateLimits limits) {
            return new Limits(text(limits.requestsPerMinute()), text(limits.tokensPerMinute()),
                    text(limits.concurrentStreams()));
        }

        private static String text(Integer value) {
            return value == null ? "" : value.toString();
        }
    }

    private final ApiKeys keys;
    private final IdentityAdmin identity;

    ApiKeysPage(ApiKeys keys, IdentityAdmin identity) {
        this.keys = keys;
        this.identity = identity;
    }

    @GetMapping
    @RequiresPermission(Permissions.USERS_READ)
    ModelAndView list(Caller caller, @RequestParam(required = false) String user) {
        String username = user == null || user.isBlank() ? caller.username() : user.strip();
        UUID id = keys.userIdOf(username).orElseThrow(() -> ApiException.notFound("there is no user " + username));
        return page(username, id, null, null, HttpStatus.OK);
    }

    @PostMapping("/{userId}/new")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView create(Caller caller, @PathVariable UUID userId, @RequestParam String username,
                        @RequestParam(defaultValue = "") String name) {
        try {
            return page(username, userId, keys.create(userId, name, caller), null, HttpStatus.CREATED);
        } catch (ApiException e) {
            return page(username, userId, null, e, HttpStatus.valueOf(e.problem().status()));
        }
    }

    @PostMapping("/{userId}/{keyId}/revoke")
    @RequiresPermission(Permissions.USERS_UPDATE)
    String revoke(Caller caller, @PathVariable UUID userId, @PathVariable UUID keyId, @RequestParam String username) {
        keys.revoke(userId, keyId, caller);
        return "redirect:" + listOf(username);
    }

    @GetMapping("/{userId}/{keyId}/rate-limits")
    @RequiresPermission(Permissions.USERS_READ)
    ModelAndView limits(@PathVariable UUID userId, @PathVariable UUID keyId, @RequestParam String username) {
        return limitsForm(username, userId, keyId, Limits.of(identity.keyRateLimits(userId, keyId)), null);
    }

    @PostMapping("/{userId}/{keyId}/rate-limits")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView setLimits(Caller caller, @PathVariable UUID userId, @PathVariable UUID keyId,
                           @RequestParam String username, Limits limits) {
        try {
            identity.setKeyRateLimits(userId, keyId, limits.requestsPerMinute(), limits.tokensPerMinute(),
                    limits.concurrentStreams(), caller);
            return new ModelAndView("redirect:" + listOf(username));
        } catch (ApiException e) {
            return limitsForm(username, userId, keyId, limits, e);
        }
    }

    private ModelAndView limitsForm(String username, UUID userId, UUID keyId, Limits fields, ApiException error) {
        ApiKeys.Key key = keys.of(userId).stream().filter(k -> k.id().equals(keyId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no API key " + keyId + " of this user"));
        return new ModelAndView("console/key-limits", error == null ? HttpStatus.OK : HttpStatus.valueOf(error.problem().status()))
                .addObject("username", username).addObject("userId", userId).addObject("key", key)
                .addObject("fields", fields).addObject("back", listOf(username))
                .addObject("problem", error == null ? null : error.problem());
    }

    private static String listOf(String username) {
        return UriComponentsBuilder.fromPath("/console/keys").queryParam("user", username).encode().build().toUriString();
    }

    private ModelAndView page(String username, UUID userId, ApiKeys.Created created, ApiException error,
                              HttpStatus status) {
        return new ModelAndView("console/keys", status)
                .addObject("username", username)
                .addObject("userId", userId)
                .addObject("keys", keys.of(userId))
                .addObject("created", created)
                .addObject("problem", error == null ? null : error.problem());
    }
}
