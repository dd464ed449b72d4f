package dev.quartermaster.openai;

import dev.quartermaster.accounts.ModelAccess;
import dev.quartermaster.catalog.CatalogModel;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/models} as bytes, rendered once per tier and kept while the tier's model list is
 * the same instance; a catalog or tier change yields a new list and so a new rendering.
 */
@Component
class ModelListCache {

    private record Rendered(List<CatalogModel> source, byte[] json) {
    }

    private final ModelAccess access;
    private final JsonMapper json;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    ModelListCache(ModelAccess access, JsonMapper json) {
        this.access = access;
        this.json = json;
    }

    /** Writes a rendered list in one piece: a response buffer of the body's size means one socket write. */
    static void write(HttpServletResponse response, byte[] body) throws IOException {
        // the headers the security chain adds elsewhere, since the fast path answers before it
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("X-Frame-Options", "DENY");
        response.setBufferSize(body.length);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    byte[] list(String tier) {
        List<CatalogModel> models = access.visibleTo(tier);
        Rendered current = rendered.get(tier);
        if (current != null && current.source() == models) {
            return current.json();
        }
        byte[] bytes = json.writeValueAsBytes(new OpenAiModel.ModelList("list",
                models.stream().map(OpenAiModel::of).toList()));
        rendered.put(tier, new Rendered(models, bytes));
        return bytes;
    }
}
