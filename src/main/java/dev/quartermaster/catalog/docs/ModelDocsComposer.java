package dev.quartermaster.catalog.docs;

import dev.quartermaster.catalog.ModelDocs.DocsField;
import dev.quartermaster.catalog.ModelDocs.DocsResponse;
import dev.quartermaster.catalog.ModelDocs.OperationInfo;
import dev.quartermaster.catalog.ModelDocs;
import dev.quartermaster.catalog.model.ModelStore;
import dev.quartermaster.catalog.model.StoredModel;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Composes {@code docs} from the live OpenAPI description: the document {@code /v3/api-docs} serves,
 * built in-process by springdoc's own resource (and cached by it), never fetched over HTTP. From it:
 * the operations under the artifact's path with their {@code x-permission}, the model's fields from
 * the create item's schema, and the related resources from their paths. Nothing is hand-written
 * here but the artifact's name and description.
 */
@Service
public class ModelDocsComposer {

    public static final String BASE = "/api/v5/artifacts/models/";
    private static final List<String> RESOURCES = List.of("/api/v1/system/catalog/", "/api/v5/uploads/");

    // looked up per call: a command run without a web server (rotate-master-key) has no springdoc resource
    private final ObjectProvider<OpenApiWebMvcResource> openApi;
    private final JsonMapper json;
    private final ModelStore models;

    ModelDocsComposer(ObjectProvider<OpenApiWebMvcResource> openApi, JsonMapper json, ModelStore models) {
        this.openApi = openApi;
        this.json = json;
        this.models = models;
    }

    public ModelDocs compose(HttpServletRequest request, UUID entityId) {
        JsonNode api = json.readTree(apiDocs(request));
        List<OperationInfo> operations = operations(api, p -> p.startsWith(BASE));
        Optional<StoredModel> entity = Optional.ofNullable(entityId).flatMap(models::find);
        return new ModelDocs("model", "artifact",
                "A catalog model: the model id clients pass (value), its provider profiles, minimum plan tier, "
                        + "capabilities and its taxonomy sections; edited through versioned drafts.",
                schema(api, "CreateModelItem", "model", "artifact", BASE + "get"),
                entries(api), resources(api), permissions(operations), operations,
                new ModelDocs.DocsApiResponse("/v3/api-docs", api.path("openapi").asString(),
                        api.path("info").path("title").asString(), api.path("info").path("version").asString(),
                        entityId, entityId == null ? null : entity.isPresent(),
                        entity.map(m -> m.fields().name()).orElse(null)));
    }

    /**
     * springdoc's document in the default locale, the one {@code /v3/api-docs} answers a request
     * without Accept-Language (so both share springdoc's cache). The path argument only serves to cut the server URL out of the
     * request URL; this request's own path does that as the API-docs path does for springdoc.
     */
    private byte[] apiDocs(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            return openApi.getObject().openapiJson(request, path, Locale.getDefault());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<OperationInfo> operations(JsonNode api, java.util.function.Predicate<String> paths) {
        List<OperationInfo> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            if (!paths.test(path.getKey())) {
                continue;
            }
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                String name = path.getKey().substring(path.getKey().lastIndexOf('/') + 1);
                operations.add(new OperationInfo(name, method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        op.path("summary").asString(null), op.path("description").asString(null),
                        op.path("x-permission").asString(null), List.of()));
            }
        }
        return operations;
    }

    private static List<OperationInfo> permissions(List<OperationInfo> operations) {
        Map<String, List<String>> byPermission = new LinkedHashMap<>();
        operations.stream().filter(o -> o.permission() != null).forEach(o ->
                byPermission.computeIfAbsent(o.permission(), p -> new ArrayList<>()).add(o.name()));
        return byPermission.entrySet().stream().map(e -> new OperationInfo(e.getKey(), null, null,
                "needed by " + String.join(", ", e.getValue()), null, e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private List<DocsResponse> entries(JsonNode api) {
        List<DocsResponse> entries = new ArrayList<>();
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            entries.add(schema(api, "SectionEntry", kind.section(), "section",
                    "/api/v1/system/catalog/" + kind.path()));
        }
        return entries;
    }

    private List<DocsResponse> resources(JsonNode api) {
        List<DocsResponse> resources = new ArrayList<>();
        for (OperationInfo op : operations(api, p -> RESOURCES.stream().anyMatch(p::startsWith))) {
            resources.add(new DocsResponse(op.method() + " " + op.path(), "resource", op.summary(), op.path(), List.of()));
        }
        return resources;
    }

    /** The properties of a component schema, following {@code allOf}. */
    private static DocsResponse schema(JsonNode api, String schemaName, String name, String type, String path) {
        JsonNode schema = api.path("components").path("schemas").path(schemaName);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        List<DocsField> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode p = property.getValue();
            fields.add(new DocsField(property.getKey(), typeOf(p), required.contains(property.getKey()),
                    p.path("description").asString(null)));
        }
        return new DocsResponse(name, type, schema.path("description").asString(null), path, fields);
    }

    private static String typeOf(JsonNode property) {
        if (property.has("$ref")) {
            String ref = property.path("$ref").asString();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        String type = property.path("type").isArray() ? property.path("type").get(0).asString()
                : property.path("type").asString("object");
        return "array".equals(type) ? typeOf(property.path("items")) + "[]"
                : property.has("format") ? type + " (" + property.path("format").asString() + ")" : type;
    }
}
