package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.OpenAiError;
import java.util.List;
import java.util.Map;

/**
 * The gateway's errors, classified once; each route's error shape spells them in its dialect
 * (OpenAI's {@code type}/{@code param}/{@code code}, or Anthropic's {@code type} from the status).
 */
public final class GatewayErrors {

    private GatewayErrors() {
    }

    public static ApiException invalid(String param, String message) {
        String detail = param == null ? message : param + " " + message;
        return new ApiException(new ApiProblem(400, "Bad request", detail,
                param == null ? List.of() : List.of(new FieldError(param, message)), Map.of())
                .withOpenAiError(new OpenAiError("invalid_request_error", param, null)));
    }

    static ApiException modelNotFound(String value) {
        return new ApiException(new ApiProblem(404, "Not found",
                "The model '" + value + "' does not exist or you do not have access to it.")
                .withOpenAiError(new OpenAiError("invalid_request_error", "model", "model_not_found")));
    }

    static ApiException noKey(String reason) {
        return new ApiException(new ApiProblem(403, "Forbidden", "No key can pay for this call: " + reason
                + " (see GET /v1/ai/keys/sources)").withOpenAiError(new OpenAiError("permission_error", null, "no_key")));
    }

    static ApiException unavailable(String detail) {
        return new ApiException(new ApiProblem(503, "Service unavailable", detail)
                .withOpenAiError(new OpenAiError("server_error", null, "provider_unavailable")));
    }

    static ApiException notSupported(String param, String detail) {
        return new ApiException(new ApiProblem(400, "Bad request", detail)
                .withOpenAiError(new OpenAiError("invalid_request_error", param, "capability_not_supported")));
    }

    /** An upstream's error answer before any byte reached the client: its status, its (redacted) message. */
    static ApiException upstream(int status, String provider, String message, Long retryAfter) {
        int shown = status >= 400 && status < 600 ? status : 502;
        ApiProblem problem = new ApiProblem(shown, "Upstream error", provider + " answered " + status + ": " + message)
                .withOpenAiError(new OpenAiError(null, null, "upstream_error"));
        return new ApiException(retryAfter == null ? problem : problem.withRetryAfter(retryAfter));
    }

    /** No answer from the upstream at all (refused address, connection, timeout). */
    static ApiException unreachable(String provider, String message, boolean timeout) {
        return new ApiException(new ApiProblem(timeout ? 504 : 502, "Upstream unreachable", provider + ": " + message)
                .withOpenAiError(new OpenAiError("server_error", null, timeout ? "upstream_timeout" : "upstream_unreachable")));
    }
}
