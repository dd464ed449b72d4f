package dev.quartermaster.console.pages;

import dev.quartermaster.catalog.taxonomy.TaxonomyEntry;
import dev.quartermaster.catalog.taxonomy.TaxonomyForms;
import dev.quartermaster.catalog.taxonomy.TaxonomyForms.Fields;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Arrays;
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
        return "redirect:/console/taxonomy/" + TaxonomyKind.PRICING.path();
    }

    @GetMapping("/{kind}")
    @RequiresPermission(Permissions.MODELS_READ)
    ModelAndView list(@PathVariable String kind) {
        return list(TaxonomyForms.kind(kind), EMPTY, null);
    }

    @PostMapping("/{kind}")
    @RequiresPermission(Permissions.MODELS_CREATE)
    ModelAndView create(Caller caller, @PathVariable String kind, Fields fields) {
        TaxonomyKind k = TaxonomyForms.kind(kind);
        try {
            taxonomy.create(k, fields, caller);
            return new ModelAndView("redirect:/console/taxonomy/" + k.path());
        } catch (ApiException e) {
            return list(k, fields, e);
        }
    }

    @GetMapping("/{kind}/{id}")
    @RequiresPermission(Permissions.MODELS_UPDATE)
    ModelAndView edit(@PathVariable String kind, @PathVariable UUID id) {
        TaxonomyKind k = TaxonomyForms.kind(kind);
        TaxonomyEntry entry = taxonomy.get(k, id);
        return form(k, entry, Fields.of(entry), null);
    }

    @PostMapping("/{kind}/{id}")
    @RequiresPermission(Permissions.MODELS_UPDATE)
    ModelAndView update(Caller caller, @PathVariable String kind, @PathVariable UUID id, Fields fields) {
        TaxonomyKind k = TaxonomyForms.kind(kind);
        try {
            taxonomy.update(k, id, fields, caller);
            return new ModelAndView("redirect:/console/taxonomy/" + k.path());
        } catch (ApiException e) {
            return form(k, taxonomy.get(k, id), fields, e);
        }
    }

    @GetMapping("/{kind}/{id}/delete")
    @RequiresPermission(Permissions.MODELS_DELETE)
    ModelAndView confirmDelete(@PathVariable String kind, @PathVariable UUID id) {
        TaxonomyKind k = TaxonomyForms.kind(kind);
        TaxonomyEntry entry = taxonomy.get(k, id);
        return Confirm.page("Delete " + entry.name() + "?", "It is removed from every model that has it.",
                "/console/taxonomy/" + k.path() + "/" + id + "/delete", "/console/taxonomy/" + k.path());
    }

    @PostMapping("/{kind}/{id}/delete")
    @RequiresPermission(Permissions.MODELS_DELETE)
    String delete(Caller caller, @PathVariable String kind, @PathVariable UUID id) {
        TaxonomyKind k = TaxonomyForms.kind(kind);
        taxonomy.delete(k, id, caller);
        return "redirect:/console/taxonomy/" + k.path();
    }

    private ModelAndView list(TaxonomyKind kind, Fields fields, ApiException error) {
        return new ModelAndView("console/taxonomy", status(error)).addObject("kind", kind)
                .addObject("kinds", Arrays.stream(TaxonomyKind.values()).map(TaxonomyKind::path).toList())
                .addObject("entries", taxonomy.list(kind)).addObject("fields", fields)
                .addObject("pricing", kind == TaxonomyKind.PRICING)
                .addObject("problem", error == null ? null : error.problem());
    }

    private static ModelAndView form(TaxonomyKind kind, TaxonomyEntry entry, Fields fields, ApiException error) {
        return new ModelAndView("console/taxonomy-form", status(error)).addObject("kind", kind).addObject("entry", entry)
                .addObject("fields", fields).addObject("pricing", kind == TaxonomyKind.PRICING)
                .addObject("problem", error == null ? null : error.problem());
    }

    private static HttpStatus status(ApiException error) {
        return error == null ? HttpStatus.OK : HttpStatus.valueOf(error.problem().status());
    }
}
