package dev.quartermaster.catalog.web;

import dev.quartermaster.catalog.ArtifactRequests;
import dev.quartermaster.catalog.ArtifactResponses;
import dev.quartermaster.catalog.ModelDocs;
import dev.quartermaster.catalog.ModelForm;
import dev.quartermaster.catalog.SearchResult;
import dev.quartermaster.catalog.docs.ModelDocsComposer;
import dev.quartermaster.catalog.drafts.Drafts;
import dev.quartermaster.catalog.editing.ModelCopies;
import dev.quartermaster.catalog.editing.ModelEditor;
import dev.quartermaster.catalog.editing.ModelForms;
import dev.quartermaster.catalog.export.ModelExport;
import dev.quartermaster.catalog.search.CatalogRefresh;
import dev.quartermaster.catalog.search.ModelSearch;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v5/artifacts/models/*}: the eleven operations of the model artifact (seed 004). Each
 * declares the permission it needs, which the API description shows as {@code x-permission} and
 * {@code docs} reads back.
 */
@RestController
@RequestMapping(ModelDocsComposer.BASE)
class ModelArtifactController {


    private final ModelForms forms;
    private final ModelSearch search;
    private final ModelEditor editor;
    private final ModelCopies copies;
    private final Drafts drafts;
    private final ModelDocsComposer docs;
    private final ModelExport export;
    private final CatalogRefresh refresh;

    ModelArtifactController(ModelForms forms, ModelSearch search, ModelEditor editor, ModelCopies copies, Drafts drafts,
                            ModelDocsComposer docs, ModelExport export, CatalogRefresh refresh) {
        this.forms = forms;
        this.search = search;
        this.editor = editor;
        this.copies = copies;
        this.drafts = drafts;
        this.docs = docs;
        this.export = export;
        this.refresh = refresh;
    }

    @PostMapping("get")
    @Operation(summary = "Get Model", description = "A model, one of your drafts, or a blank new model as an "
            + "editor's form: each section's selected entries and options.")
    @RequiresPermission(Permissions.MODELS_READ)
    ModelForm get(Caller caller, @RequestBody ArtifactRequests.GetModel request) {
        return forms.get(caller, request);
    }

    @PostMapping("search")
    @Operation(summary = "Search Model", description = "Text over name, description and value; filters by provider "
            + "profile, department and agent; filter sections with counts; pages in name order.")
    @RequiresPermission(Permissions.MODELS_READ)
    SearchResult search(Caller caller, @RequestBody ArtifactRequests.Search request) {
        return search.search(caller, request);
    }

    @PostMapping("create")
    @Operation(summary = "Create Model", description = "Creates models, each on its own: one result per item, with "
            + "the new model_id, a draft_id to go on editing, and the version.")
    @RequiresPermission(Permissions.MODELS_CREATE)
    ArtifactResponses.ModelResults create(Caller caller, @RequestBody ArtifactRequests.CreateModels request) {
        return editor.create(caller, request.models());
    }

    @PostMapping("update")
    @Operation(summary = "Update Model", description = "Changes models, or publishes drafts (draft_id), each on its "
            + "own: one result per item.")
    @RequiresPermission(Permissions.MODELS_UPDATE)
    ArtifactResponses.ModelResults update(Caller caller, @RequestBody ArtifactRequests.UpdateModels request) {
        return editor.update(caller, request.models());
    }

    @PostMapping("duplicate")
    @Operation(summary = "Duplicate Model", description = "Copies a model under a new id, name \"X (copy)\" and value "
            + "\"x-copy\".")
    @RequiresPermission(Permissions.MODELS_CREATE)
    ArtifactResponses.Duplicated duplicate(Caller caller, @RequestBody ArtifactRequests.Duplicate request) {
        return copies.duplicate(request.modelId(), caller);
    }

    @PostMapping("delete")
    @Operation(summary = "Delete Model", description = "Deletes models, each on its own: one result per id.")
    @RequiresPermission(Permissions.MODELS_DELETE)
    ArtifactResponses.DeleteResults delete(Caller caller, @RequestBody ArtifactRequests.Delete request) {
        return copies.delete(request.modelIds(), caller);
    }

    @PatchMapping("draft")
    @Operation(summary = "Patch Model Draft", description = "Starts a draft, or changes one at expected_version "
            + "(409 with current_version if it moved on).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ArtifactRequests.PatchDraft.class))))
    @RequiresPermission(Permissions.MODELS_UPDATE)
    ArtifactResponses.DraftPatched draft(Caller caller, @RequestBody JsonNode body) {
        return drafts.patch(caller, body);
    }

    @PostMapping("drafts")
    @Operation(summary = "Get Model Drafts", description = "Your drafts, most recently changed first.")
    @RequiresPermission(Permissions.MODELS_READ)
    ArtifactResponses.Drafts drafts(Caller caller) {
        return drafts.list(caller);
    }

    @PostMapping("docs")
    @Operation(summary = "Get Model Docs Endpoint", description = "This artifact's documentation, composed from the "
            + "live OpenAPI description.")
    @RequiresPermission(Permissions.MODELS_READ)
    ModelDocs docs(@RequestBody ArtifactRequests.Docs request, HttpServletRequest http) {
        return docs.compose(http, request.entityId());
    }

    @PostMapping("export")
    @Operation(summary = "Export Models", description = "All models (or model_id alone) as a denormalized CSV file; "
            + "download it from GET /api/v5/uploads/{upload_id}.")
    @RequiresPermission(Permissions.MODELS_READ)
    ArtifactResponses.Exported export(Caller caller, @RequestBody ArtifactRequests.Export request) {
        return export.export(caller, request.modelId());
    }

    @PostMapping("refresh")
    @Operation(summary = "Model Refresh", description = "Rebuilds the search projection and drops the catalog's "
            + "in-memory views in every server process.")
    @RequiresPermission(Permissions.MODELS_UPDATE)
    ArtifactResponses.Refreshed refresh() {
        return refresh.refresh();
    }
}
