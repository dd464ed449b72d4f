package dev.quartermaster.catalog;

import dev.quartermaster.catalog.drafts.Drafts;
import dev.quartermaster.catalog.editing.ModelCopies;
import dev.quartermaster.catalog.editing.ModelEditor;
import dev.quartermaster.catalog.editing.ModelForms;
import dev.quartermaster.catalog.export.ModelExport;
import dev.quartermaster.catalog.export.UploadStore;
import dev.quartermaster.catalog.model.ModelInput;
import dev.quartermaster.catalog.search.ModelSearch;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model catalog for a surface that is not the v5 API (the web console): the same search, editor
 * form, drafts, publishing, copies, deletes and exports, with the same rules and audit entries, one
 * model at a time. A form's fields are the API's (snake_case), so a refusal names the field the form
 * shows. The caller's permission is the surface's to check, as the API's handlers do.
 */
@Service
public class ModelAdmin {

    public static final int PAGE_SIZE = 50;
    private static final Set<String> SCALARS = Set.of("name", "description", "value", "provider", "tier");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A search: text and one option per filter (null for any), from {@code offset} in name order. */
    public record Query(String text, UUID providerId, UUID departmentId, UUID agentId, int offset) {
    }

    /** An export file of the caller's. */
    public record Download(UUID id, String fileName, long sizeBytes) {
    }

    private final ModelSearch search;
    private final ModelForms forms;
    private final Drafts drafts;
    private final ModelEditor editor;
    private final ModelCopies copies;
    private final ModelExport export;
    private final UploadStore uploads;

    ModelAdmin(ModelSearch search, ModelForms forms, Drafts drafts, ModelEditor editor, ModelCopies copies,
               ModelExport export, UploadStore uploads) {
        this.search = search;
        this.forms = forms;
        this.drafts = drafts;
        this.editor = editor;
        this.copies = copies;
        this.export = export;
        this.uploads = uploads;
    }

    public SearchResult search(Caller caller, Query query) {
        return search.search(caller, new ArtifactRequests.Search(query.text(), ids(query.providerId()),
                ids(query.departmentId()), ids(query.agentId()), null, null, null, PAGE_SIZE, query.offset()));
    }

    /** A model, a draft of the caller's, or (both null) a blank new model, as the editor shows it. */
    public ModelForm form(Caller caller, UUID modelId, UUID draftId) {
        return forms.get(caller, new ArtifactRequests.GetModel(modelId, draftId));
    }

    /**
     * The form's fields into the caller's draft: a new draft (of {@code modelId}, or of a new model) when
     * {@code draftId} is null, else the draft at {@code draftVersion} (409 if it moved on since).
     */
    public ArtifactResponses.DraftPatched saveDraft(Caller caller, UUID modelId, UUID draftId, Integer draftVersion,
                                                    Map<String, List<String>> form) {
        ObjectNode body = fields(form);
        if (draftId == null) {
            body.put("model_id", modelId == null ? null : modelId.toString());
        } else {
            body.put("input_draft_id", draftId.toString());
            body.put("expected_version", draftVersion);
        }
        return drafts.patch(caller, body);
    }

    /**
     * The draft becomes its model, if the model is still at {@code modelVersion} (the version the editor
     * was opened at): otherwise 409 and nothing changes. A draft of a new model creates it.
     */
    public ArtifactResponses.ModelResultItem publish(Caller caller, UUID draftId, Integer modelVersion) {
        ObjectNode item = JSON.createObjectNode();
        item.put("draft_id", draftId.toString());
        if (modelVersion != null) {
            item.put("expected_version", modelVersion);
        }
        return editor.updateOne(caller, item);
    }

    public ArtifactResponses.Duplicated duplicate(Caller caller, UUID modelId) {
        return copies.duplicate(modelId, caller);
    }

    public void delete(Caller caller, UUID modelId) {
        ArtifactResponses.DeleteModelResult result = copies.delete(List.of(JSON.getNodeFactory()
                .stringNode(modelId.toString())), caller).results().getFirst();
        if (!result.success()) {
            throw ApiException.notFound(result.message());
        }
    }

    /** Every model as CSV, kept for the caller to download, under the export limits. */
    public Download export(Caller caller) {
        ArtifactResponses.Exported exported = export.export(caller, null);
        return download(caller, exported.uploadId()).orElseThrow();
    }

    public Optional<Download> download(Caller caller, UUID uploadId) {
        return uploads.find(caller.userId(), uploadId).map(u -> new Download(u.id(), u.fileName(), u.sizeBytes()));
    }

    public void copy(Download download, OutputStream out) throws IOException {
        uploads.copy(download.id(), out);
    }

    /**
     * A form's values as the API's fields: text fields (empty is unset), {@code context_window} as a
     * number, {@code active} as a checkbox, lists as they were chosen. Anything else is not a field.
     */
    static ObjectNode fields(Map<String, List<String>> form) {
        ObjectNode body = JSON.createObjectNode();
        for (String field : ModelInput.FIELDS) {
            List<String> values = form.getOrDefault(field, List.of()).stream().filter(v -> !v.isBlank()).toList();
            if (SCALARS.contains(field)) {
                body.put(field, values.isEmpty() ? null : values.getFirst().strip());
            } else if (field.equals("context_window")) {
                body.set(field, values.isEmpty() ? JSON.getNodeFactory().nullNode() : number(values.getFirst()));
            } else if (field.equals("active")) {
                body.put(field, values.contains("true"));
            } else {
                ArrayNode list = body.putArray(field);
                values.forEach(list::add);
            }
        }
        return body;
    }

    private static tools.jackson.databind.JsonNode number(String text) {
        try {
            return JSON.getNodeFactory().numberNode(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("context_window", "must be a whole number of tokens");
        }
    }

    private static List<UUID> ids(UUID id) {
        return id == null ? List.of() : List.of(id);
    }
}
