package dev.quartermaster.console.session;

import dev.quartermaster.identity.ConsoleSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's security chain, ahead of the API's and only for the console's own requests:
 * {@code /console/**}, its static assets, and a browser's request for {@code /} (an HTML Accept
 * and no credential header; anything else at {@code /} stays the API's). Here, and only here, a
 * session cookie authenticates; CSRF tokens guard every state change, forms and htmx alike. Which
 * page a caller may open is still each handler's access declaration, checked as for the API.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String CSRF_COOKIE = "qm_csrf";
    static final String CSRF_HEADER = "X-CSRF-TOKEN";
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain console(HttpSecurity http, ConsoleSessions sessions) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true).path("/"));
        return http
                .securityMatcher(new OrRequestMatcher(ConsolePaths.CONSOLE, ConsolePaths.ASSETS,
                        (RequestMatcher) ConsolePaths::isBrowserRoot))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // our session is not the servlet container's, and the session-management filter would
                // also replace the CSRF token on every request (breaking a second tab, or htmx after one post)
                .sessionManagement(s -> s.disable())
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(ConsolePaths.ASSETS, ConsolePaths.SIGN_IN).permitAll()
                        .requestMatchers(ConsolePaths::isBrowserRoot).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> toSignIn(request, response))
                        .accessDeniedHandler((request, response, ex) -> refused(response)))
                .addFilterBefore(new SessionFilter(sessions), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new CsrfTokenIssuer(), CsrfFilter.class)
                .build();
    }

    /** A page that needs a session: back to the sign-in form; an htmx request is told to go there. */
    private static void toSignIn(HttpServletRequest request, HttpServletResponse response) {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(401);
            response.setHeader("HX-Redirect", "/");
            return;
        }
        response.setStatus(303);
        response.setHeader(HttpHeaders.LOCATION, "/");
    }

    /** A state change without a valid CSRF token (a stale form, or a form from another site). */
    private static void refused(HttpServletResponse response) throws IOException {
        response.setStatus(403);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Refused</title>
                <link rel="stylesheet" href="/webjars/picocss__pico/css/pico.min.css"></head>
                <body><main class="container"><h1>Refused</h1>
                <p>%s</p><p><a href="/console">Back to the console</a></p></main></body></html>
                """.formatted(HtmlUtils.htmlEscape("This request did not carry the console's CSRF token (a form "
                + "from another site, or one opened before a sign-out). Reload the page and try again.")));
    }
}
