package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

class ErrorResponderTest {

    final JsonMapper json = JsonMapper.builder().build();
    final ErrorResponder responder = new ErrorResponder(List.of(OpenAiErrors.shapeFor("/v1/openai")), json);
    final ApiProblem throttled = ApiException.tooManyRequests("slow down", 42).problem();

    @Test
    void aThrottledRequestIsToldWhenToRetryInHeaderAndProblemDetails() {
        ResponseEntity<Object> entity = responder.entity(new MockHttpServletRequest("GET", "/api/x"), throttled);

        assertThat(entity.getHeaders().getFirst("Retry-After")).isEqualTo("42");
        assertThat(json.writeValueAsString(entity.getBody())).isEqualTo("""
                {"type":"about:blank","title":"Too many requests","status":429,"detail":"slow down",\
                "instance":"/api/x","retryAfterSeconds":42}""");
    }

    @Test
    void theOpenAiDialectGetsTheHeaderAndARateLimitError() {
        ResponseEntity<Object> entity = responder.entity(new MockHttpServletRequest("GET", "/v1/openai/y"), throttled);

        assertThat(entity.getHeaders().getFirst("Retry-After")).isEqualTo("42");
        assertThat(json.writeValueAsString(entity.getBody())).isEqualTo("""
                {"error":{"message":"slow down","type":"rate_limit_error","param":null,"code":null}}""");
    }

    @Test
    void anOpenAiClassificationReplacesTheDefaultsAndStaysOutOfProblemDetails() {
        ApiProblem missing = new ApiProblem(404, "Not found", "no model m")
                .withOpenAiError(new OpenAiError("invalid_request_error", "model", "model_not_found"));

        assertThat(json.writeValueAsString(OpenAiErrors.body(missing))).isEqualTo("""
                {"error":{"message":"no model m","type":"invalid_request_error","param":"model",\
                "code":"model_not_found"}}""");
        assertThat(json.writeValueAsString(responder.entity(new MockHttpServletRequest("GET", "/api/m"), missing)
                .getBody())).doesNotContain("model_not_found");
    }
}
