package dev.quartermaster.providers.web;

import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.ErrorShape;
import dev.quartermaster.platform.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Problems that concern no field (404, 401, 403, …) are one entry with a null field. */
    @Override
    public Object body(ApiProblem problem, String path) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : problem.errors()) {
            errors.add(entry("[" + error.field() + "]", error.message()));
        }
        if (errors.isEmpty()) {
            errors.add(entry(null, problem.detail()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("errors", errors);
        return body;
    }

    private static Map<String, Object> entry(String field, String message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field", field);
        entry.put("message", message);
        return entry;
    }
}
