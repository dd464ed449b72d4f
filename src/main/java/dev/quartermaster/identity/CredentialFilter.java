package dev.quartermaster.identity;

import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.ErrorResponder;
import dev.quartermaster.platform.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads whatever credential the request carries (Bearer API key or JWT, X-Api-Key, Basic) on every
 * path. Wrong credentials are answered 401 at once and counted; a client with too many failures
 * is answered 429 until its window ends.
 */
class CredentialFilter extends OncePerRequestFilter {

    static final String CHALLENGE = "Bearer realm=\"quartermaster\", Basic realm=\"quartermaster\", charset=\"UTF-8\"";

    private final Authenticator authenticator;
    private final RateLimiter failures;
    private final ErrorResponder responder;
    private final RequestMatcher publicPaths;

    CredentialFilter(Authenticator authenticator, RateLimiter failures, ErrorResponder responder,
                     RequestMatcher publicPaths) {
        this.authenticator = authenticator;
        this.failures = failures;
        this.responder = responder;
        this.publicPaths = publicPaths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return publicPaths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        long blocked = failures.secondsUntilAllowed(client);
        if (blocked > 0) {
            responder.write(request, response, ApiException.tooManyRequests(
                    "too many failed sign-in attempts; try again in " + blocked + " seconds", blocked).problem());
            return;
        }
        Credentials credentials = Credentials.of(request);
        if (credentials instanceof Credentials.None) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = authenticator.authenticate(credentials);
        if (caller.isEmpty()) {
            failures.record(client);
            unauthorized(request, response, "the credentials are not valid", responder);
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller.get(), null,
                AuthorityUtils.createAuthorityList(caller.get().permissions()));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail,
                             ErrorResponder responder) throws IOException {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        responder.write(request, response, new ApiProblem(401, "Unauthorized", detail));
    }
}
