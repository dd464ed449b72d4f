package dev.quartermaster.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string with a malformed %-escape or bytes that are not UTF-8 is refused with 400 on
 * {@code query}. Tomcat would skip such a parameter silently, and the request would then run as if
 * it had not been sent (a usage filter's {@code from} ignored, say).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedQueryFilter extends OncePerRequestFilter {

    private final ErrorResponder responder;

    MalformedQueryFilter(ErrorResponder responder) {
        this.responder = responder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String reason = RejectedRequests.queryReason(request.getQueryString());
        if (reason != null) {
            responder.write(request, response, ApiException.invalid("query", reason).problem());
            return;
        }
        chain.doFilter(request, response);
    }
}
