package dev.quartermaster.console;

import dev.quartermaster.console.session.ConsolePaths;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.PublicEndpoint;
import dev.quartermaster.platform.Build;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's root. A person's browser (HTML accepted, no API credential) gets the console: its
 * sign-in form, or the console itself once signed in. Anything else (an API client, a request
 * with credentials) gets the small JSON answer it always got. Public, so no credential prompt.
 */
@Controller
@PublicEndpoint
class HomeController {

    record Home(String service, String version, String docs, String swaggerUi, String health) {
    }

    private static final Home HOME = new Home("quartermaster", Build.VERSION, "/v3/api-docs", "/swagger-ui.html",
            "/actuator/health");

    private final View json;

    HomeController(JsonMapper mapper) {
        this.json = (model, request, response) -> {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(), HOME);
        };
    }

    @GetMapping("/")
    @Operation(summary = "Where to start", description = "A browser (Accept: text/html, no credentials) gets the "
            + "web console's sign-in form; anything else JSON: the service, its version, and where the API "
            + "description, Swagger UI and health are.")
    ModelAndView home(HttpServletRequest request) {
        if (!ConsolePaths.isBrowserRoot(request)) {
            return new ModelAndView(json);
        }
        if (signedIn()) {
            return new ModelAndView("redirect:/console");
        }
        return new ModelAndView("console/sign-in").addObject("version", Build.VERSION);
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller;
    }
}
