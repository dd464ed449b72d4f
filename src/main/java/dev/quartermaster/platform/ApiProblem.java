package dev.quartermaster.platform;

import java.util.List;
import java.util.Map;

/**
 * What went wrong with a request, independent of the surface's error shape. Each surface renders
 * it in its own documented shape (see {@link ErrorShape}); the default is RFC 9457.
 */
public record ApiProblem(int status, String title, String detail, List<FieldError> errors,
                         Map<String, Object> properties) {

    public ApiProblem {
        errors = List.copyOf(errors);
        properties = Map.copyOf(properties);
    }

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of(), Map.of());
    }
}
