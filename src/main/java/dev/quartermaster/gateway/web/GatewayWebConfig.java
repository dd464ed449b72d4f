package dev.quartermaster.gateway.web;

import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.BodyLimit;
import dev.quartermaster.platform.ErrorShape;
import dev.quartermaster.platform.OpenAiErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

@Configuration(proxyBeanMethods = false)
class GatewayWebConfig {

    static final String MESSAGES = "/v1/messages";

    /** {@code QM_GATEWAY_MAX_BODY_BYTES}: room for a conversation with a few images. */
    @Bean
    static BodyLimit gatewayBodyLimit(@Value("${qm.gateway.max-body-bytes:33554432}") long bytes) {
        return new BodyLimit(bytes, "/v1/chat/completions", "/v1/responses", "/v1/embeddings", MESSAGES);
    }

    /**
     * OpenAI's error shape on every {@code /v1/*} path but seed 000's {@code /v1/ai/*} (RFC 9457) and
     * {@code /v1/messages} (Anthropic's), unknown paths included: OpenAI clients read it there.
     */
    @Bean
    static ErrorShape openAiDialectErrors() {
        ErrorShape openAi = OpenAiErrors.shapeFor("/v1");
        return new ErrorShape() {
            @Override
            public boolean appliesTo(String path) {
                return openAi.appliesTo(path) && !path.equals("/v1/ai") && !path.startsWith("/v1/ai/")
                        && !anthropic(path);
            }

            @Override
            public MediaType mediaType() {
                return openAi.mediaType();
            }

            @Override
            public Object body(ApiProblem problem, String path) {
                return openAi.body(problem, path);
            }
        };
    }

    /** Anthropic's {@code {"type": "error", "error": {"type", "message"}}} on {@code /v1/messages}. */
    @Bean
    static ErrorShape anthropicErrors() {
        return new ErrorShape() {
            @Override
            public boolean appliesTo(String path) {
                return anthropic(path);
            }

            @Override
            public MediaType mediaType() {
                return MediaType.APPLICATION_JSON;
            }

            @Override
            public Object body(ApiProblem problem, String path) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("type", anthropicType(problem.status()));
                error.put("message", problem.detail());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "error");
                body.put("error", error);
                return body;
            }
        };
    }

    private static boolean anthropic(String path) {
        return path.equals(MESSAGES) || path.startsWith(MESSAGES + "/");
    }

    static String anthropicType(int status) {
        return switch (status) {
            case 400, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529, 503 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }
}
