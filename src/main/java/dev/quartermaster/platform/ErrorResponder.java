package dev.quartermaster.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Renders an {@link ApiProblem} in the error shape of the surface the request was made to. */
@Component
public class ErrorResponder {

    private final List<ErrorShape> shapes;
    private final JsonMapper json;

    ErrorResponder(List<ErrorShape> shapes, JsonMapper json) {
        this.shapes = shapes;
        this.json = json;
    }

    public ResponseEntity<Object> entity(HttpServletRequest request, ApiProblem problem) {
        return entity(pathOf(request), problem);
    }

    private ResponseEntity<Object> entity(String path, ApiProblem problem) {
        ErrorShape shape = shapeFor(path);
        var builder = ResponseEntity.status(problem.status());
        if (problem.retryAfterSeconds() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        return shape == null
                ? builder.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problemDetails(problem, path))
                : builder.contentType(shape.mediaType()).body(shape.body(problem, path));
    }

    /** For filters, which answer before any controller runs. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem) throws IOException {
        ResponseEntity<Object> entity = entity(request, problem);
        response.setStatus(problem.status());
        entity.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), entity.getBody());
    }

    /** For the container's own refusals ({@link JsonErrorReportValve}): headers set on {@code response}, the body returned. */
    String containerAnswer(String path, ApiProblem problem, HttpServletResponse response) {
        ResponseEntity<Object> entity = entity(path, problem);
        entity.getHeaders().forEach((name, values) -> values.forEach(v -> response.setHeader(name, v)));
        response.setCharacterEncoding("UTF-8");
        return json.writeValueAsString(entity.getBody());
    }

    private ErrorShape shapeFor(String path) {
        for (ErrorShape shape : shapes) {
            if (shape.appliesTo(path)) {
                return shape;
            }
        }
        return null;
    }

    private static Map<String, Object> problemDetails(ApiProblem problem, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", path);
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        if (problem.retryAfterSeconds() != null) {
            body.put("retryAfterSeconds", problem.retryAfterSeconds());
        }
        body.putAll(problem.properties());
        return body;
    }

    private static String pathOf(HttpServletRequest request) {
        Object forwardedFrom = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = forwardedFrom instanceof String original ? original : request.getRequestURI();
        String context = request.getContextPath();
        return context.isEmpty() ? uri : uri.substring(context.length());
    }
}
