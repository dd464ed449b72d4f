package dev.quartermaster.console.pages;

import dev.quartermaster.identity.ApiKeys;
import dev.quartermaster.identity.Caller;
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
 * in the answer to its creation only, never in a URL or a later page.
 */
@Controller
@Hidden
@RequestMapping("/console/keys")
class ApiKeysPage {

    private final ApiKeys keys;

    ApiKeysPage(ApiKeys keys) {
        this.keys = keys;
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
        return "redirect:" + UriComponentsBuilder.fromPath("/console/keys").queryParam("user", username)
                .encode().build().toUriString();
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
