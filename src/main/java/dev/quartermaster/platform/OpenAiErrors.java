package dev.quartermaster.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * OpenAI's error shape, {@code {"error": {"message", "type", "param", "code"}}}, for surfaces that
 * speak its dialect. A problem's {@link OpenAiError} sets {@code type}, {@code param} and {@code code};
 * otherwise the type follows the status, the param is the first invalid field, and there is no code.
 */
public final class OpenAiErrors {

    private OpenAiErrors() {
    }

    /** An {@link ErrorShape} for every path under one of {@code prefixes}. */
    public static ErrorShape shapeFor(String... prefixes) {
        return new ErrorShape() {
            @Override
            public boolean appliesTo(String path) {
                for (String prefix : prefixes) {
                    if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public MediaType mediaType() {
                return MediaType.APPLICATION_JSON;
            }

            @Override
            public Object body(ApiProblem problem, String path) {
                return OpenAiErrors.body(problem);
            }
        };
    }

    public static Map<String, Object> body(ApiProblem problem) {
        OpenAiError given = problem.openAi() == null ? new OpenAiError(null, null, null) : problem.openAi();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", problem.detail());
        error.put("type", given.type() != null ? given.type() : type(problem.status()));
        error.put("param", given.param() != null ? given.param()
                : problem.errors().isEmpty() ? null : problem.errors().getFirst().field());
        error.put("code", given.code());
        return Map.of("error", error);
    }

    private static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
