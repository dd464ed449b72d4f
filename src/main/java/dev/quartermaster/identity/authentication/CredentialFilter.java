package dev.quartermaster.identity.authentication;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.RequestAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller of every non-public request into the security context. Wrong credentials are
 * answered 401 at once and counted; a client with too many failures is answered 429.
 */
class CredentialFilter extends OncePerRequestFilter {

    private final RequestAuthenticator authenticator;
    private final RequestMatcher publicPaths;

    CredentialFilter(RequestAuthenticator authenticator, RequestMatcher publicPaths) {
        this.authenticator = authenticator;
        this.publicPaths = publicPaths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return publicPaths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        switch (authenticator.authenticate(request)) {
            case RequestAuthenticator.Refused refused -> authenticator.refuse(request, response, refused);
            case RequestAuthenticator.Anonymous anonymous -> chain.doFilter(request, response);
            case RequestAuthenticator.Authenticated(Caller caller, var apiKeyId) -> {
                request.setAttribute(RequestAuthenticator.API_KEY_ID, apiKeyId);
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        caller, null, AuthorityUtils.createAuthorityList(caller.permissions())));
                chain.doFilter(request, response);
            }
        }
    }
}
