package dev.quartermaster.console.pages;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page shows (who is signed in, the menu they may use), and errors as a page
 * in the layout instead of the API's JSON: a refused permission is a 403 page, a missing profile a
 * 404 page. An htmx request gets the message alone, to show where its answer would have gone.
 */
@ControllerAdvice(basePackages = "dev.quartermaster.console")
@Order(-1)
class ConsoleModel {

    @ModelAttribute("me")
    Caller me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
    }

    @ModelAttribute("nav")
    List<Navigation.Item> nav() {
        return Navigation.of(me());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e, HttpServletRequest request) {
        return page(e.problem(), request);
    }

    /** A form or path value that does not bind (a malformed id, a value of the wrong type): a 400 page, not JSON. */
    @ExceptionHandler({BindException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ModelAndView unbound(Exception e, HttpServletRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : e instanceof BindException b && b.getFieldError() != null ? b.getFieldError().getField()
                : e instanceof MissingServletRequestParameterException p ? p.getParameterName() : "request";
        return page(ApiException.invalid(field, "is not a valid value").problem(), request);
    }

    private ModelAndView page(ApiProblem problem, HttpServletRequest request) {
        String view = "true".equals(request.getHeader("HX-Request")) ? "console/error :: message" : "console/error";
        return new ModelAndView(view, HttpStatus.valueOf(problem.status()))
                .addObject("me", me()).addObject("nav", nav()).addObject("currentPath", request.getRequestURI())
                .addObject("problem", problem);
    }
}
