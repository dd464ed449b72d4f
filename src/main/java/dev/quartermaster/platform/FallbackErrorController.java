package dev.quartermaster.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that escape before a controller runs (servlet container, filters) are answered in the
 * surface's shape too, without the container's own page or any exception text.
 */
@Hidden
@RestController
class FallbackErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(FallbackErrorController.class);

    private final ErrorResponder responder;

    FallbackErrorController(ErrorResponder responder) {
        this.responder = responder;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer)) {
            return responder.entity(request, new ApiProblem(404, "Not found", "no such endpoint"));
        }
        int code = (Integer) status;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof ApiException api) {
            return responder.entity(request, api.problem());
        }
        if (failure instanceof Throwable t && DatabaseUnavailable.is(t)) {
            log.warn("a request failed outside a controller: the database cannot be reached");
            return responder.entity(request, DatabaseUnavailable.problem());
        }
        if (code >= 500) {
            log.error("request failed outside a controller", failure instanceof Throwable t ? t : null);
            return responder.entity(request, new ApiProblem(500, "Internal error", "the server could not complete the request"));
        }
        return responder.entity(request, new ApiProblem(code, code == 404 ? "Not found" : "Error", "the request failed"));
    }
}
