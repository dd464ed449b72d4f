package dev.quartermaster.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every error a controller can raise becomes a 4xx with the field and the reason, in the
 * surface's shape. Anything unexpected is a 500 with no detail; the cause goes to the log only.
 */
@RestControllerAdvice
@Order(0)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponder responder;

    ApiExceptionHandler(ErrorResponder responder) {
        this.responder = responder;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        return responder.entity(request, e.problem());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        FieldError error = e.getCause() instanceof JacksonException jackson
                ? JsonErrors.describe(jackson)
                : new FieldError("body", "a JSON body is required");
        return responder.entity(request, ApiException.invalid(List.of(error)).problem());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return responder.entity(request, ApiException.invalid(errors).problem());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(m -> new FieldError(r.getMethodParameter().getParameterName(), m.getDefaultMessage())))
                .toList();
        return responder.entity(request, ApiException.invalid(errors).problem());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> violated(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return responder.entity(request, ApiException.invalid(errors).problem());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "valid" : e.getRequiredType().getSimpleName();
        return responder.entity(request,
                ApiException.invalid(e.getName(), "must be a valid " + expected).problem());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return responder.entity(request, ApiException.invalid(e.getParameterName(), "is required").problem());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return responder.entity(request, ApiException.invalid(e.getHeaderName(), "header is required").problem());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return responder.entity(request, new ApiProblem(415, "Unsupported media type",
                "send the body as application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return responder.entity(request, new ApiProblem(406, "Not acceptable", "this endpoint answers application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return responder.entity(request, new ApiProblem(405, "Method not allowed",
                e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods()));
    }

    /** A path no controller maps: no static resource either, or none under a static path. */
    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Object> noRoute(Exception e, HttpServletRequest request) {
        return responder.entity(request, new ApiProblem(404, "Not found", "no such endpoint"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return responder.entity(request, ApiException.conflict(
                "the change conflicts with existing data", Map.of()).problem());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.is(e)) {
            log.warn("{} {}: the database cannot be reached", request.getMethod(), request.getRequestURI());
            return responder.entity(request, DatabaseUnavailable.problem());
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return responder.entity(request, new ApiProblem(500, "Internal error",
                "the server could not complete the request"));
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
