package dev.quartermaster.catalog;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
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
 * names the permission it needs in {@code x-permission}, which {@code docs} reads back.
 */
@RestController
@RequestMapping(ModelDocsComposer.BASE)
class ModelArtifactController {

    private static final String PERMISSION = "x-permission";

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
            + "editor's form: each section's selected entries and options.",
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_READ)))
    ModelForm get(Caller caller, @RequestBody ArtifactRequests.GetModel request) {
        caller.require(Permissions.MODELS_READ);
        return forms.get(caller, request);
    }

    @PostMapping("search")
    @Operation(summary = "Search Model", description = "Text over name, description and value; filters by provider "
            + "profile, department and agent; filter sections with counts; pages in name order.",
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_READ)))
    SearchResult search(Caller caller, @RequestBody ArtifactRequests.Search request) {
        caller.require(Permissions.MODELS_READ);
        return search.search(caller, request);
    }

    @PostMapping("create")
    @Operation(summary = "Create Model", description = "Creates models, each on its own: one result per item, with "
            + "the new model_id, a draft_id to go on editing, and the version.",
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_CREATE)))
    ArtifactResponses.ModelResults create(Caller caller, @RequestBody ArtifactRequests.CreateModels request) {
        caller.require(Permissions.MODELS_CREATE);
        return editor.create(caller, request.models());
    }

    @PostMapping("update")
    @Operation(summary = "Update Model", description = "Changes models, or publishes drafts (draft_id), each on its "
            + "own: one result per item.",
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_UPDATE)))
    ArtifactResponses.ModelResults update(Caller caller, @RequestBody ArtifactRequests.UpdateModels request) {
        caller.require(Permissions.MODELS_UPDATE);
        return editor.update(caller, request.models());
    }

    @PostMapping("duplicate")
    @Operation(summary = "Duplicate Model", description = "Copies a model under a new id, name \"X (copy)\" and value "
            + "\"x-copy\".",
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_CREATE)))
    ArtifactResponses.Duplicated duplicate(Caller caller, @RequestBody ArtifactRequests.Duplicate request) {
        caller.require(Permissions.MODELS_CREATE);
        return copies.duplicate(request.modelId());
    }

    @PostMapping("delete")
    @Operation(summary = "Delete Model", description = "Deletes models, each on its own: one result per id.",
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_DELETE)))
    ArtifactResponses.DeleteResults delete(Caller caller, @RequestBody ArtifactRequests.Delete request) {
        caller.require(Permissions.MODELS_DELETE);
        return copies.delete(request.modelIds());
    }

    @PatchMapping("draft")
    @Operation(summary = "Patch Model Draft", description = "Starts a draft, or changes one at expected_version "
            + "(409 with current_version if it moved on).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ArtifactRequests.PatchDraft.class))),
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_UPDATE)))
    ArtifactResponses.DraftPatched draft(Caller caller, @RequestBody JsonNode body) {
        caller.require(Permissions.MODELS_UPDATE);
        return drafts.patch(caller, body);
    }

    @PostMapping("drafts")
    @Operation(summary = "Get Model Drafts", description = "Your drafts, most recently changed first.",
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_READ)))
    ArtifactResponses.Drafts drafts(Caller caller) {
        caller.require(Permissions.MODELS_READ);
        return drafts.list(caller);
    }

    @PostMapping("docs")
    @Operation(summary = "Get Model Docs Endpoint", description = "This artifact's documentation, composed from the "
            + "live OpenAPI description.",
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_READ)))
    ModelDocs docs(Caller caller, @RequestBody ArtifactRequests.Docs request, HttpServletRequest http) {
        caller.require(Permissions.MODELS_READ);
        return docs.compose(http, request.entityId());
    }

    @PostMapping("export")
    @Operation(summary = "Export Models", description = "All models (or model_id alone) as a denormalized CSV file; "
            + "download it from GET /api/v5/uploads/{upload_id}.",
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_READ)))
    ArtifactResponses.Exported export(Caller caller, @RequestBody ArtifactRequests.Export request) {
        caller.require(Permissions.MODELS_READ);
        return export.export(caller, request.modelId());
    }

    @PostMapping("refresh")
    @Operation(summary = "Model Refresh", description = "Rebuilds the search projection and drops the catalog's "
            + "in-memory views in every server process.",
            extensions = @Extension(properties = @ExtensionProperty(name = PERMISSION, value = Permissions.MODELS_UPDATE)))
    ArtifactResponses.Refreshed refresh(Caller caller) {
        caller.require(Permissions.MODELS_UPDATE);
        return refresh.refresh();
    }
}
