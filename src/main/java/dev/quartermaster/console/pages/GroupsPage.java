package dev.quartermaster.console.pages;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.IdentityAdmin;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Groups (their members inherit their permissions): list, create, edit, delete after a confirmation. */
@Controller
@Hidden
@RequestMapping("/console/groups")
class GroupsPage {

    /** A group's fields as the form shows them. */
    record Fields(String name, String description, List<String> permissions) {
    }

    private final IdentityAdmin identity;

    GroupsPage(IdentityAdmin identity) {
        this.identity = identity;
    }

    @GetMapping
    @RequiresPermission(Permissions.USERS_READ)
    ModelAndView list() {
        return new ModelAndView("console/groups").addObject("groups", identity.groups());
    }

    @GetMapping("/new")
    @RequiresPermission(Permissions.USERS_CREATE)
    ModelAndView blank() {
        return form(null, new Fields("", "", List.of()), null, HttpStatus.OK);
    }

    @PostMapping("/new")
    @RequiresPermission(Permissions.USERS_CREATE)
    ModelAndView create(Caller caller, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String description,
                        @RequestParam(defaultValue = "") List<String> permissions) {
        List<String> chosen = UsersPage.nonEmpty(permissions);
        try {
            identity.createGroup(name, description, chosen, caller);
            return new ModelAndView("redirect:/console/groups");
        } catch (ApiException e) {
            return form(null, new Fields(name, description, chosen), e, HttpStatus.valueOf(e.problem().status()));
        }
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView edit(@PathVariable UUID id) {
        IdentityAdmin.Group group = identity.group(id);
        return form(group, new Fields(group.name(), group.description(), group.permissions()), null, HttpStatus.OK);
    }

    @PostMapping("/{id}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView update(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String description,
                        @RequestParam(defaultValue = "") List<String> permissions) {
        List<String> chosen = UsersPage.nonEmpty(permissions);
        try {
            identity.updateGroup(id, name, description, chosen, caller);
            return new ModelAndView("redirect:/console/groups");
        } catch (ApiException e) {
            return form(identity.group(id), new Fields(name, description, chosen), e,
                    HttpStatus.valueOf(e.problem().status()));
        }
    }

    @GetMapping("/{id}/delete")
    @RequiresPermission(Permissions.USERS_DELETE)
    ModelAndView confirmDelete(@PathVariable UUID id) {
        IdentityAdmin.Group group = identity.group(id);
        return Confirm.page("Delete group " + group.name() + "?", "Its " + group.members() + " members lose the "
                + "permissions they have through it, and its shared connections are deleted.",
                "/console/groups/" + id + "/delete", "/console/groups");
    }

    @PostMapping("/{id}/delete")
    @RequiresPermission(Permissions.USERS_DELETE)
    String delete(Caller caller, @PathVariable UUID id) {
        identity.deleteGroup(id, caller);
        return "redirect:/console/groups";
    }

    private static ModelAndView form(IdentityAdmin.Group group, Fields fields, ApiException error, HttpStatus status) {
        return new ModelAndView("console/group-form", status).addObject("group", group).addObject("fields", fields)
                .addObject("allPermissions", Permissions.ALL.stream().sorted().toList())
                .addObject("problem", error == null ? null : error.problem());
    }
}
