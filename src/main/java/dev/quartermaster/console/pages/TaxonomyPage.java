package dev.quartermaster.console.pages;

import dev.quartermaster.catalog.TaxonomyForms;
import dev.quartermaster.catalog.TaxonomyForms.Entry;
import dev.quartermaster.catalog.TaxonomyForms.Fields;
import dev.quartermaster.identity.Caller;
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
import org.springframework.web.servlet.ModelAndView;

/**
 * The catalog's taxonomy, one kind at a time (pricing first: what metering charges by): list,
 * create, edit and delete after a confirmation, as {@code /api/v1/system/catalog/{kind}} does, with
 * its permissions. A price change is a new version of the entry; calls already metered keep theirs.
 */
@Controller
@Hidden
@RequestMapping("/console/taxonomy")
class TaxonomyPage {

    private static final Fields EMPTY = new Fields("", "", "", "", "USD");

    private final TaxonomyForms taxonomy;

    TaxonomyPage(TaxonomyForms taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GetMapping
    @RequiresPermission(Permissions.MODELS_READ)
    String first() {
        return "redirect:/console/taxonomy/" + TaxonomyForms.PRICING;
    }

    @GetMapping("/{kind}")
    @RequiresPermission(Permissions.MODELS_READ)
    ModelAndView list(@PathVariable String kind) {
        return list(kind, EMPTY, null);
    }

    @PostMapping("/{kind}")
    @RequiresPermission(Permissions.MODELS_CREATE)
    ModelAndView create(Caller caller, @PathVariable String kind, Fields fields) {
        try {
            taxonomy.create(kind, fields, caller);
            return new ModelAndView("redirect:/console/taxonomy/" + kind);
        } catch (ApiException e) {
            return list(kind, fields, e);
        }
    }

    @GetMapping("/{kind}/{id}")
    @RequiresPermission(Permissions.MODELS_UPDATE)
    ModelAndView edit(@PathVariable String kind, @PathVariable UUID id) {
        Entry entry = taxonomy.get(kind, id);
        return form(kind, entry, Fields.of(entry), null);
    }

    @PostMapping("/{kind}/{id}")
    @RequiresPermission(Permissions.MODELS_UPDATE)
    ModelAndView update(Caller caller, @PathVariable String kind, @PathVariable UUID id, Fields fields) {
        try {
            taxonomy.update(kind, id, fields, caller);
            return new ModelAndView("redirect:/console/taxonomy/" + kind);
        } catch (ApiException e) {
            return form(kind, taxonomy.get(kind, id), fields, e);
        }
    }

    @GetMapping("/{kind}/{id}/delete")
    @RequiresPermission(Permissions.MODELS_DELETE)
    ModelAndView confirmDelete(@PathVariable String kind, @PathVariable UUID id) {
        Entry entry = taxonomy.get(kind, id);
        return Confirm.page("Delete " + entry.name() + "?", "It is removed from every model that has it.",
                "/console/taxonomy/" + kind + "/" + id + "/delete", "/console/taxonomy/" + kind);
    }

    @PostMapping("/{kind}/{id}/delete")
    @RequiresPermission(Permissions.MODELS_DELETE)
    String delete(Caller caller, @PathVariable String kind, @PathVariable UUID id) {
        taxonomy.delete(kind, id, caller);
        return "redirect:/console/taxonomy/" + kind;
    }

    private ModelAndView list(String kind, Fields fields, ApiException error) {
        List<Entry> entries = taxonomy.list(kind);
        return new ModelAndView("console/taxonomy", status(error)).addObject("kind", kind)
                .addObject("kinds", TaxonomyForms.KINDS).addObject("entries", entries).addObject("fields", fields)
                .addObject("pricing", TaxonomyForms.PRICING.equals(kind))
                .addObject("problem", error == null ? null : error.problem());
    }

    private static ModelAndView form(String kind, Entry entry, Fields fields, ApiException error) {
        return new ModelAndView("console/taxonomy-form", status(error)).addObject("kind", kind).addObject("entry", entry)
                .addObject("fields", fields).addObject("pricing", TaxonomyForms.PRICING.equals(kind))
                .addObject("problem", error == null ? null : error.problem());
    }

    private static HttpStatus status(ApiException error) {
        return error == null ? HttpStatus.OK : HttpStatus.valueOf(error.problem().status());
    }
}
