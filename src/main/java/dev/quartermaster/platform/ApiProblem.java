package dev.quartermaster.platform;

import java.util.List;
import java.util.Map;

/**
 * What went wrong with a request, independent of the surface's error shape. Each surface renders
 * it in its own documented shape (see {@link ErrorShape}); the default is RFC 9457.
 *
 * <p>What drives behaviour is typed: {@code retryAfterSeconds} becomes a {@code Retry-After} header,
 * {@code openAi} the classification in OpenAI's dialect. {@code properties} are only data, shown as
 * extra members of RFC 9457 problem details (a 409's {@code currentVersion}, say).
 *
 * @param retryAfterSeconds when the client may try again, or null
 * @param openAi how OpenAI's dialect classifies the problem, or null for the defaults of {@link OpenAiErrors}
 */
public record ApiProblem(int status, String title, String detail, List<FieldError> errors,
                         Map<String, Object> properties, Long retryAfterSeconds, OpenAiError openAi) {

    public ApiProblem {
        errors = List.copyOf(errors);
        properties = Map.copyOf(properties);
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("a client cannot retry in the past");
        }
    }

    public ApiProblem(int status, String title, String detail, List<FieldError> errors,
                      Map<String, Object> properties) {
        this(status, title, detail, errors, properties, null, null);
    }

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of(), Map.of());
    }

    public ApiProblem withRetryAfter(long seconds) {
        return new ApiProblem(status, title, detail, errors, properties, seconds, openAi);
    }

    public ApiProblem withOpenAiError(OpenAiError error) {
        return new ApiProblem(status, title, detail, errors, properties, retryAfterSeconds, error);
    }
}
