package dev.quartermaster.console.pages;

import dev.quartermaster.accounts.BudgetAdmin;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.IdentityAdmin;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Users: the list (paged), create, edit (display name, tier, permissions, groups), the user's budget
 * limits, a password reset, and delete after a confirmation; each with the admin API's permission,
 * and the administration services' containment (no one grants what they do not hold) and audit.
 */
@Controller
@Hidden
@RequestMapping("/console/users")
class UsersPage {

    static final int PAGE_SIZE = 50;

    private final IdentityAdmin identity;
    private final BudgetAdmin budgets;

    UsersPage(IdentityAdmin identity, BudgetAdmin budgets) {
        this.identity = identity;
        this.budgets = budgets;
    }

    @GetMapping
    @RequiresPermission(Permissions.USERS_READ)
    ModelAndView list(@RequestParam(defaultValue = "0") int offset) {
        int from = Math.max(0, offset);
        List<IdentityAdmin.User> found = identity.users(PAGE_SIZE + 1, from);
        return new ModelAndView("console/users").addObject("users", found.subList(0, Math.min(PAGE_SIZE, found.size())))
                .addObject("offset", from).addObject("more", found.size() > PAGE_SIZE).addObject("pageSize", PAGE_SIZE);
    }

    @GetMapping("/new")
    @RequiresPermission(Permissions.USERS_CREATE)
    ModelAndView blank() {
        return form(null, new IdentityAdmin.NewUser("", "", "", List.of(), List.of(), ""), null, null, HttpStatus.OK);
    }

    @PostMapping("/new")
    @RequiresPermission(Permissions.USERS_CREATE)
    ModelAndView create(Caller caller, @RequestParam(defaultValue = "") String username,
                        @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String tier,
                        @RequestParam(defaultValue = "") List<String> permissions,
                        @RequestParam(defaultValue = "") List<String> groups, @RequestParam(defaultValue = "") String password) {
        IdentityAdmin.NewUser fields = new IdentityAdmin.NewUser(username, displayName, tier, nonEmpty(permissions),
                nonEmpty(groups), password);
        try {
            return new ModelAndView("redirect:/console/users/" + identity.create(fields, caller).id());
        } catch (ApiException e) {
            return form(null, new IdentityAdmin.NewUser(username, displayName, tier, fields.permissions(), fields.groups(),
                    ""), null, e, HttpStatus.valueOf(e.problem().status()));
        }
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView edit(@PathVariable UUID id) {
        IdentityAdmin.User user = identity.user(id);
        return form(user, new IdentityAdmin.NewUser(user.username(), user.displayName(), user.tier(), user.permissions(),
                user.groups(), ""), budgets.user(id), null, HttpStatus.OK);
    }

    @PostMapping("/{id}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView update(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String displayName,
                        @RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") List<String> permissions,
                        @RequestParam(defaultValue = "") List<String> groups) {
        IdentityAdmin.UserEdit edit = new IdentityAdmin.UserEdit(displayName, tier, nonEmpty(permissions), nonEmpty(groups));
        return change(id, () -> identity.update(id, edit, caller), new IdentityAdmin.NewUser(identity.user(id).username(),
                displayName, tier, edit.permissions(), edit.groups(), ""));
    }

    @PostMapping("/{id}/password")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView resetPassword(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String password) {
        return change(id, () -> identity.resetPassword(id, password, caller), null);
    }

    @PostMapping("/{id}/budget")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView budget(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String monthlyLimit,
                        @RequestParam(defaultValue = "") String dailyLimit) {
        return change(id, () -> budgets.setUser(id, monthlyLimit, dailyLimit, caller), null);
    }

    @GetMapping("/{id}/delete")
    @RequiresPermission(Permissions.USERS_DELETE)
    ModelAndView confirmDelete(@PathVariable UUID id) {
        IdentityAdmin.User user = identity.user(id);
        return Confirm.page("Delete " + user.username() + "?", "This removes the user, their API keys, sessions, "
                + "preferences and keys of their own. Their audit entries stay.", "/console/users/" + id + "/delete",
                "/console/users");
    }

    @PostMapping("/{id}/delete")
    @RequiresPermission(Permissions.USERS_DELETE)
    String delete(Caller caller, @PathVariable UUID id) {
        identity.delete(id, caller);
        return "redirect:/console/users";
    }

    private ModelAndView change(UUID id, Supplier<?> action, IdentityAdmin.NewUser shown) {
        try {
            action.get();
            return new ModelAndView("redirect:/console/users/" + id);
        } catch (ApiException e) {
            IdentityAdmin.User user = identity.user(id);
            IdentityAdmin.NewUser fields = shown != null ? shown : new IdentityAdmin.NewUser(user.username(),
                    user.displayName(), user.tier(), user.permissions(), user.groups(), "");
            return form(user, fields, budgets.user(id), e, HttpStatus.valueOf(e.problem().status()));
        }
    }

    private ModelAndView form(IdentityAdmin.User user, IdentityAdmin.NewUser fields, BudgetAdmin.Limits budget,
                              ApiException error, HttpStatus status) {
        return new ModelAndView("console/user-form", status)
                .addObject("user", user).addObject("fields", fields).addObject("budget", budget)
                .addObject("tiers", identity.tiers().stream().map(Tier::name).toList())
                .addObject("allPermissions", Permissions.ALL.stream().sorted().toList())
                .addObject("allGroups", identity.groups().stream().map(IdentityAdmin.Group::name).toList())
                .addObject("problem", error == null ? null : error.problem());
    }

    static List<String> nonEmpty(List<String> values) {
        return values.stream().filter(v -> !v.isBlank()).toList();
    }
}
