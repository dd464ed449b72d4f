package dev.quartermaster.console.pages;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.providers.ProviderAdmin;
import dev.quartermaster.providers.ProviderType;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Provider profiles: the list (keys as masks), create and edit (the key field is write-only: left
 * empty it keeps the key, clearing is a checkbox), activate, delete after a confirmation, and the
 * test call, answered as a fragment for htmx. Each action needs what the API operation needs.
 */
@Controller
@Hidden
@RequestMapping("/console/providers")
class ProvidersPage {

    private final ProviderAdmin providers;

    ProvidersPage(ProviderAdmin providers) {
        this.providers = providers;
    }

    /** The form's fields as posted; {@code apiKey} is never sent back to the browser. */
    record ProviderFields(String name, String provider, String apiBaseUrl, String modelName, String defaultSystemPrompt,
                          String description, String apiKey, Boolean clearKey, Integer version) {

        ProviderAdmin.Form form() {
            return new ProviderAdmin.Form(name, provider, apiBaseUrl, modelName, defaultSystemPrompt, description);
        }

        ProviderAdmin.KeyEdit key() {
            return new ProviderAdmin.KeyEdit(apiKey, Boolean.TRUE.equals(clearKey));
        }

        static ProviderFields of(ProviderAdmin.Entry e) {
            return new ProviderFields(e.name(), e.provider().wireName(), e.baseUrl(), e.model(), e.systemPrompt(),
                    e.description(), null, false, e.version());
        }

        @Override
        public String toString() {
            return "ProviderFields[" + name + ", " + provider + ", " + apiBaseUrl + ", " + modelName + "]";
        }
    }

    @GetMapping
    @RequiresPermission(Permissions.AI_PROVIDERS_READ)
    ModelAndView list() {
        return new ModelAndView("console/providers").addObject("providers", providers.list());
    }

    @GetMapping("/new")
    @RequiresPermission(Permissions.AI_PROVIDERS_CREATE)
    ModelAndView newForm() {
        return form(null, new ProviderFields(null, "", null, null, null, null, null, false, null), null, HttpStatus.OK);
    }

    @PostMapping("/new")
    @RequiresPermission(Permissions.AI_PROVIDERS_CREATE)
    ModelAndView create(Caller caller, @ModelAttribute ProviderFields fields) {
        try {
            providers.create(fields.form(), fields.key(), caller);
            return new ModelAndView("redirect:/console/providers");
        } catch (ApiException e) {
            return form(null, fields, e, HttpStatus.valueOf(e.problem().status()));
        }
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.AI_PROVIDERS_UPDATE)
    ModelAndView editForm(@PathVariable UUID id) {
        ProviderAdmin.Entry entry = providers.get(id);
        return form(entry, ProviderFields.of(entry), null, HttpStatus.OK);
    }

    @PostMapping("/{id}")
    @RequiresPermission(Permissions.AI_PROVIDERS_UPDATE)
    ModelAndView update(Caller caller, @PathVariable UUID id, @ModelAttribute ProviderFields fields) {
        try {
            int version = fields.version() == null ? -1 : fields.version();
            providers.update(id, version, fields.form(), fields.key(), caller);
            return new ModelAndView("redirect:/console/providers");
        } catch (ApiException e) {
            return form(providers.get(id), fields, e, HttpStatus.valueOf(e.problem().status()));
        }
    }

    @PostMapping("/{id}/activate")
    @RequiresPermission(Permissions.AI_PROVIDERS_UPDATE)
    String activate(Caller caller, @PathVariable UUID id) {
        providers.activate(id, caller);
        return "redirect:/console/providers";
    }

    @GetMapping("/{id}/delete")
    @RequiresPermission(Permissions.AI_PROVIDERS_DELETE)
    ModelAndView confirmDelete(@PathVariable UUID id) {
        return new ModelAndView("console/provider-delete").addObject("provider", providers.get(id));
    }

    @PostMapping("/{id}/delete")
    @RequiresPermission(Permissions.AI_PROVIDERS_DELETE)
    String delete(Caller caller, @PathVariable UUID id) {
        providers.delete(id, caller);
        return "redirect:/console/providers";
    }

    /** The API's test operation needs the update permission; so does this. */
    @PostMapping("/{id}/test")
    @RequiresPermission(Permissions.AI_PROVIDERS_UPDATE)
    ModelAndView test(Caller caller, @PathVariable UUID id) {
        return new ModelAndView("console/providers :: test-result").addObject("result", providers.test(id, caller));
    }

    private static ModelAndView form(ProviderAdmin.Entry entry, ProviderFields fields, ApiException error,
                                     HttpStatus status) {
        return new ModelAndView("console/provider-form", status)
                .addObject("entry", entry)
                .addObject("fields", fields)
                .addObject("types", Arrays.stream(ProviderType.values()).map(ProviderType::wireName).toList())
                .addObject("problem", error == null ? null : error.problem());
    }
}
