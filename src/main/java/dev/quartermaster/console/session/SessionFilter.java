package dev.quartermaster.console.session;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.ConsoleSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller of a live session into the security context, as the API's credential filter
 * does for a key, so the same permission check guards console handlers. A cookie whose session
 * ended is cleared.
 */
class SessionFilter extends OncePerRequestFilter {

    private final ConsoleSessions sessions;

    SessionFilter(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = SessionCookie.read(request);
        if (token != null && !token.isEmpty()) {
            Optional<Caller> caller = sessions.resolve(token);
            if (caller.isPresent()) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        caller.get(), null, AuthorityUtils.createAuthorityList(caller.get().permissions())));
            } else {
                SessionCookie.clear(request, response);
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/webjars/") || request.getRequestURI().startsWith("/console/assets/");
    }
}
