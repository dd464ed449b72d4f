package dev.quartermaster.console.session;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Which requests are the console's. */
public final class ConsolePaths {

    static final RequestMatcher CONSOLE = PathPatternRequestMatcher.withDefaults().matcher("/console/**");
    static final RequestMatcher ASSETS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/webjars/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/console/assets/**"));
    static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults().matcher("/console/sign-in");

    private ConsolePaths() {
    }

    /**
     * A person's browser asking for {@code /}: it accepts HTML and sends no API credential. An API
     * client (credentials, or no HTML in its Accept) keeps the JSON answer it always had.
     */
    public static boolean isBrowserRoot(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "/".equals(request.getRequestURI())
                && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getHeader("X-Api-Key") == null;
    }
}
