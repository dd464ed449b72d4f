package dev.quartermaster.console;

import dev.quartermaster.identity.PublicEndpoint;
import dev.quartermaster.platform.Build;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The server's root: not a dead end for a person with a browser (a page pointing to the API
 * description, Swagger UI and health), and a small JSON answer for anything else. Public, so a
 * browser sees no credential prompt.
 */
@RestController
@PublicEndpoint
class HomeController {

    record Home(String service, String version, String docs, String swaggerUi, String health) {
    }

    private static final Home HOME = new Home("quartermaster", Build.VERSION, "/v3/api-docs", "/swagger-ui.html",
            "/actuator/health");

    @GetMapping("/")
    @Operation(summary = "Where to start", description = "HTML for a browser (Accept: text/html), else JSON: "
            + "the service, its version, and where the API description, Swagger UI and health are.")
    ResponseEntity<?> home(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page());
        }
        return ResponseEntity.ok(HOME);
    }

    private static String page() {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Quartermaster</title></head>
                <body>
                <h1>Quartermaster</h1>
                <p>Version %s is running. Everything here is an HTTP API; every call needs an API key
                (<code>Authorization: Bearer qm_…</code>, <code>X-Api-Key</code>) or HTTP Basic.</p>
                <ul>
                <li><a href="/swagger-ui.html">Swagger UI</a>: every operation, callable once you press Authorize</li>
                <li><a href="/v3/api-docs">The OpenAPI description</a> (JSON)</li>
                <li><a href="/actuator/health">Health</a></li>
                </ul>
                <p>The first start printed how to sign in as <code>admin</code>; the README's quick start
                goes on from there.</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(Build.VERSION));
    }
}
