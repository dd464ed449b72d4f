package dev.quartermaster.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler of the running application declares who may call it, exactly once, so an endpoint
 * added later cannot be open by accident; handlers that are not ours are the API description's.
 */
@QuartermasterTest
class PermissionDeclarationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyHandlerOfOursDeclaresOnePermissionOrSelfService() {
        List<String> undeclared = new ArrayList<>();
        handlers().forEach((mapping, handler) -> {
            if (ours(handler) && !(Access.of(handler).isPresent() && declaredOnce(handler))) {
                undeclared.add(mapping + " -> " + handler);
            }
        });

        assertThat(handlers()).hasSizeGreaterThan(70);
        assertThat(undeclared).isEmpty();
    }

    @Test
    void everyDeclaredPermissionIsAKnownOne() {
        List<String> unknown = handlers().values().stream().filter(PermissionDeclarationTest::ours)
                .map(Access::of).flatMap(java.util.Optional::stream)
                .filter(a -> a instanceof Access.Permission p && !Permissions.ALL.containsAll(p.anyOf()))
                .map(Access::label).toList();

        assertThat(unknown).isEmpty();
    }

    /** A public declaration is only true if the security chain lets the request through without credentials. */
    @Test
    void everyPublicHandlerAnswersWithoutCredentials(TestApi anonymous) {
        List<String> refused = new ArrayList<>();
        handlers().forEach((mapping, handler) -> {
            if (ours(handler) && Access.of(handler).orElse(null) instanceof Access.Anyone) {
                for (String path : mapping.getPatternValues()) {
                    int status = anonymous.get(path).status();
                    if (status == 401 || status == 403) {
                        refused.add(path + " " + status);
                    }
                }
            }
        });

        assertThat(refused).isEmpty();
    }

    @Test
    void handlersThatAreNotOursAreOnlyTheApiDescriptionsAndTheErrorPage() {
        List<String> foreign = handlers().values().stream().filter(h -> !ours(h))
                .map(h -> h.getBeanType().getName())
                .filter(name -> !name.startsWith("org.springdoc."))
                .filter(name -> !name.equals("dev.quartermaster.platform.FallbackErrorController"))
                .toList();

        assertThat(foreign).isEmpty();
    }

    private Map<RequestMappingInfo, HandlerMethod> handlers() {
        Map<RequestMappingInfo, HandlerMethod> all = new java.util.LinkedHashMap<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values()
                .forEach(mapping -> all.putAll(mapping.getHandlerMethods()));
        return all;
    }

    private static boolean ours(HandlerMethod handler) {
        return handler.getBeanType().getName().startsWith("dev.quartermaster.")
                && !ErrorController.class.isAssignableFrom(handler.getBeanType());
    }

    /** Not both kinds at one level, which would leave the reader guessing which one holds. */
    private static boolean declaredOnce(HandlerMethod handler) {
        return !(both(handler.getMethod()) || both(handler.getBeanType()));
    }

    private static boolean both(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(RequiresPermission.class) && element.isAnnotationPresent(SignedIn.class);
    }
}
