package dev.quartermaster.openai;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.RequestAuthenticator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * {@code GET /v1/models}, the hottest read, answered before the security filter chain and the
 * dispatcher: the same authentication ({@link RequestAuthenticator}), then the tier's pre-rendered
 * list. It is still timed as {@code http.server.requests}. Other methods go on to the controller.
 */
final class ModelListFilter implements Filter {

    static final String PATH = "/v1/models";

    private final RequestAuthenticator authenticator;
    private final ModelListCache lists;

    ModelListFilter(RequestAuthenticator authenticator, ModelListCache lists) {
        this.authenticator = authenticator;
        this.lists = lists;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
        RequestAuthenticator.Outcome outcome = authenticator.authenticate(request);
        if (outcome instanceof RequestAuthenticator.Authenticated(Caller caller, var apiKeyId)) {
            ModelListCache.write(response, lists.list(caller.tier()));
        } else {
            authenticator.refuse(request, response, outcome);
        }
    }
}
