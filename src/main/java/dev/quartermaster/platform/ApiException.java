package dev.quartermaster.platform;

import java.util.List;
import java.util.Map;

/** A request that cannot be served as asked; carries the {@link ApiProblem} to answer with. */
public class ApiException extends RuntimeException {

    private final transient ApiProblem problem;

    public ApiException(ApiProblem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ApiException(new ApiProblem(400, "Invalid request", detail, errors, Map.of()));
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(new ApiProblem(403, "Forbidden", detail));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(new ApiProblem(404, "Not found", detail));
    }

    public static ApiException conflict(String detail, Map<String, Object> properties) {
        return new ApiException(new ApiProblem(409, "Conflict", detail, List.of(), properties));
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(new ApiProblem(429, "Too many requests", detail).withRetryAfter(retryAfterSeconds));
    }
}
