package dev.quartermaster.identity.authentication;

import dev.quartermaster.identity.Access;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces each handler's {@link Access} declaration before it runs. A handler of ours without one
 * is refused (closed by default; {@code PermissionDeclarationTest} keeps there being none), as is a
 * declaration naming no known permission. The error controller is the container's, reached by its
 * error dispatch of a request already judged.
 */
@Configuration(proxyBeanMethods = false)
class PermissionCheck implements WebMvcConfigurer, HandlerInterceptor {

    private static final String OURS = "dev.quartermaster.";

    /** Declarations read once per handler, not by reflection on every request. */
    private final Map<Method, Optional<Access>> declared = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && governed(method)) {
            Access access = declared.computeIfAbsent(method.getMethod(), m -> Access.of(method)).orElseThrow(() -> ApiException.forbidden("this operation declares no "
                    + "permission, so no one may call it"));
            if (access instanceof Access.Permission permission) {
                if (!Permissions.ALL.containsAll(permission.anyOf())) {
                    throw ApiException.forbidden("this operation needs an unknown permission");
                }
                Caller caller = caller();
                if (permission.anyOf().stream().noneMatch(caller::can)) {
                    throw ApiException.forbidden("this needs the permission " + permission.label());
                }
            } else if (access instanceof Access.AnySignedIn) {
                caller();
            }
        }
        return true;
    }

    /** Our handlers, but for the error controller. */
    static boolean governed(HandlerMethod method) {
        return method.getBeanType().getName().startsWith(OURS)
                && !ErrorController.class.isAssignableFrom(method.getBeanType());
    }

    private static Caller caller() {
        return CallerResolver.signedIn()
                .orElseThrow(() -> ApiException.forbidden("this operation needs a signed-in caller"));
    }
}
