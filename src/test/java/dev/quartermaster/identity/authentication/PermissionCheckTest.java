package dev.quartermaster.identity.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.platform.ApiException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

/** The one enforcement point: a declared permission is required, and a handler declaring nothing is closed. */
class PermissionCheckTest {

    private final PermissionCheck check = new PermissionCheck();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aHandlerThatDeclaresNothingIsRefusedEvenToAnAdministrator() throws Exception {
        signIn(Permissions.ALL);

        assertThatThrownBy(() -> check.preHandle(request(), response(), handler("undeclared")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
    }

    @Test
    void aDeclaredPermissionIsRequired() throws Exception {
        signIn(Set.of(Permissions.MODELS_READ));

        assertThat(check.preHandle(request(), response(), handler("readsModels"))).isTrue();
        assertThatThrownBy(() -> check.preHandle(request(), response(), handler("deletesModels")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().detail())
                        .contains(Permissions.MODELS_DELETE));
    }

    @Test
    void anyOneOfTheAlternativesSuffices() throws Exception {
        signIn(Set.of(Permissions.AUDIT_READ));
        assertThat(check.preHandle(request(), response(), handler("readsUsage"))).isTrue();
        signIn(Set.of(Permissions.USAGE_READ));
        assertThat(check.preHandle(request(), response(), handler("readsUsage"))).isTrue();
        signIn(Set.of(Permissions.MODELS_READ));

        assertThatThrownBy(() -> check.preHandle(request(), response(), handler("readsUsage")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().detail())
                        .contains(Permissions.USAGE_READ + " or " + Permissions.AUDIT_READ));
    }

    @Test
    void anUnknownAlternativeIsRefused() throws Exception {
        signIn(Permissions.ALL);

        assertThatThrownBy(() -> check.preHandle(request(), response(), handler("misspeltAlternative")))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aSelfServiceHandlerNeedsOnlyASignedInCaller() throws Exception {
        signIn(Set.of());

        assertThat(check.preHandle(request(), response(), handler("forThemselves"))).isTrue();
    }

    @Test
    void aPermissionNobodyCanHoldIsRefused() throws Exception {
        signIn(Permissions.ALL);

        assertThatThrownBy(() -> check.preHandle(request(), response(), handler("misspelt")))
                .isInstanceOf(ApiException.class);
    }

    private static void signIn(Set<String> permissions) {
        Caller caller = new Caller(UUID.randomUUID(), "someone", "free", permissions, Set.of());
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(caller, null));
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("GET", "/anything");
    }

    private static MockHttpServletResponse response() {
        return new MockHttpServletResponse();
    }

    static class Handlers {
        void undeclared() {
        }

        @RequiresPermission(Permissions.MODELS_READ)
        void readsModels() {
        }

        @RequiresPermission(Permissions.MODELS_DELETE)
        void deletesModels() {
        }

        @RequiresPermission("models.raed")
        void misspelt() {
        }

        @RequiresPermission(value = Permissions.USAGE_READ, or = Permissions.AUDIT_READ)
        void readsUsage() {
        }

        @RequiresPermission(value = Permissions.USAGE_READ, or = "audit.raed")
        void misspeltAlternative() {
        }

        @SignedIn
        void forThemselves() {
        }
    }
}
