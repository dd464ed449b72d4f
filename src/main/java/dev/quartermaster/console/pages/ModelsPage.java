package dev.quartermaster.console.pages;

import dev.quartermaster.catalog.ArtifactResponses;
import dev.quartermaster.catalog.ModelAdmin;
import dev.quartermaster.catalog.ModelForm;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Models: search (text and the three filters, paged on the server, from the API's search index), the
 * editor through drafts (save a draft, publish it if the model is still at the version the editor
 * opened; a conflict says so and offers a reload), duplicate, delete after a confirmation, and the
 * CSV export as a download. Each action needs what the v5 operation needs.
 */
@Controller
@Hidden
@RequestMapping("/console/models")
class ModelsPage {

    private final ModelAdmin models;

    ModelsPage(ModelAdmin models) {
        this.models = models;
    }

    @GetMapping
    @RequiresPermission(Permissions.MODELS_READ)
    ModelAndView search(Caller caller, @RequestParam(defaultValue = "") String q,
                        @RequestParam(required = false) UUID provider, @RequestParam(required = false) UUID department,
                        @RequestParam(required = false) UUID agent, @RequestParam(defaultValue = "0") int offset) {
        ModelAdmin.Query query = new ModelAdmin.Query(q, provider, department, agent, offset);
        return new ModelAndView("console/models").addObject("query", query)
                .addObject("result", models.search(caller, query)).addObject("pageSize", ModelAdmin.PAGE_SIZE);
    }

    @GetMapping("/new")
    @RequiresPermission(Permissions.MODELS_CREATE)
    ModelAndView blank(Caller caller, @RequestParam(required = false) UUID draft) {
        return editor(models.form(caller, null, draft), null, null, HttpStatus.OK);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.MODELS_READ)
    ModelAndView edit(Caller caller, @PathVariable UUID id, @RequestParam(required = false) UUID draft) {
        ModelForm form = models.form(caller, id, draft);
        if (!form.modelExists()) {
            throw ApiException.notFound("no model " + id);
        }
        return editor(form, null, null, HttpStatus.OK);
    }

    /**
     * Saves the form into the caller's draft; "publish" then makes the draft the model. The model's
     * version the editor was opened at goes with it, so a change someone made since is a 409.
     */
    @PostMapping("/save")
    @RequiresPermission(Permissions.MODELS_UPDATE)
    ModelAndView save(Caller caller, @RequestParam MultiValueMap<String, String> form,
                      @RequestParam(name = "model_id", required = false) UUID modelId,
                      @RequestParam(name = "draft_id", required = false) UUID draftId,
                      @RequestParam(name = "draft_version", required = false) Integer draftVersion,
                      @RequestParam(name = "model_version", required = false) Integer modelVersion,
                      @RequestParam(defaultValue = "draft") String intent) {
        UUID draft = draftId;
        // shown again if refused: what was posted, with the draft as it is once saved
        Map<String, List<String>> shown = new LinkedHashMap<>(form);
        try {
            ArtifactResponses.DraftPatched saved = models.saveDraft(caller, modelId, draftId, draftVersion, form);
            draft = saved.draftId();
            shown.put("draft_id", List.of(draft.toString()));
            shown.put("draft_version", List.of(String.valueOf(saved.newVersion())));
            if (!"publish".equals(intent)) {
                return new ModelAndView("redirect:" + (modelId == null ? "/console/models/new" : "/console/models/" + modelId)
                        + "?draft=" + draft);
            }
            ArtifactResponses.ModelResultItem published = models.publish(caller, draft, modelVersion);
            return new ModelAndView("redirect:/console/models/" + published.modelId());
        } catch (ApiException e) {
            ModelForm current = models.form(caller, modelId, draft);
            return editor(current, shown, e, HttpStatus.valueOf(e.problem().status()));
        }
    }

    @PostMapping("/{id}/duplicate")
    @RequiresPermission(Permissions.MODELS_CREATE)
    String duplicate(Caller caller, @PathVariable UUID id) {
        return "redirect:/console/models/" + models.duplicate(caller, id).modelId();
    }

    @GetMapping("/{id}/delete")
    @RequiresPermission(Permissions.MODELS_DELETE)
    ModelAndView confirmDelete(Caller caller, @PathVariable UUID id) {
        ModelForm form = models.form(caller, id, null);
        if (!form.modelExists()) {
            throw ApiException.notFound("no model " + id);
        }
        return new ModelAndView("console/model-delete").addObject("model", form);
    }

    @PostMapping("/{id}/delete")
    @RequiresPermission(Permissions.MODELS_DELETE)
    String delete(Caller caller, @PathVariable UUID id) {
        models.delete(caller, id);
        return "redirect:/console/models";
    }

    /** Writes the export (under the API's export limits), then sends the browser to download it. */
    @PostMapping("/export")
    @RequiresPermission(Permissions.MODELS_READ)
    String export(Caller caller) {
        return "redirect:/console/models/exports/" + models.export(caller).id();
    }

    @GetMapping("/exports/{uploadId}")
    @RequiresPermission(Permissions.MODELS_READ)
    void download(Caller caller, @PathVariable UUID uploadId, HttpServletResponse response) throws IOException {
        ModelAdmin.Download file = models.download(caller, uploadId)
                .orElseThrow(() -> ApiException.notFound("you have no export " + uploadId));
        response.setContentType("text/csv;charset=" + StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file.fileName()).build().toString());
        response.setContentLengthLong(file.sizeBytes());
        models.copy(file, response.getOutputStream());
    }

    private static ModelAndView editor(ModelForm form, Map<String, List<String>> posted, ApiException error,
                                       HttpStatus status) {
        return new ModelAndView("console/model-form", status)
                .addObject("editor", ModelEditorView.of(form, posted))
                .addObject("model", form)
                .addObject("problem", error == null ? null : error.problem());
    }
}
