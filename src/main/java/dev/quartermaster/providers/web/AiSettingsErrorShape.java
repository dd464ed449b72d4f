package dev.quartermaster.providers.web;

import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.ErrorShape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Errors on {@code /api/ai-settings} in its documented shape:
 * {@code {"success": false, "errors": [{"field": "[token]", "message": "..."}]}}.
 */
@Component
class AiSettingsErrorShape implements ErrorShape {

    @Override
    public boolean appliesTo(String path) {
        return path.equals(AiSettingsController.PATH) || path.startsWith(AiSettingsController.PATH + "/");
    }

    @Override
    public MediaType mediaType() {
        return MediaType.APPLICATION_JSON;
    }

    @Override
    public Object body(ApiProblem problem, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("message", problem.detail());
        body.put("errors", problem.errors().stream()
                .map(e -> Map.of("field", "[" + e.field() + "]", "message", e.message()))
                .toList());
        return body;
    }
}
