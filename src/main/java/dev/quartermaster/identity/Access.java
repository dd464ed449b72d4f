package dev.quartermaster.identity;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** Who may call a handler, as its declaration says: a permission, any signed-in user, or anyone. */
public sealed interface Access {

    /** The name shown in the API description's {@code x-permission}. */
    String label();

    /** The permission {@code name}, or any one of {@code alternatives} instead. */
    record Permission(String name, List<String> alternatives) implements Access {

        public Permission {
            alternatives = List.copyOf(alternatives);
        }

        public Permission(String name) {
            this(name, List.of());
        }

        /** Every permission that suffices, the main one first. */
        public List<String> anyOf() {
            return Stream.concat(Stream.of(name), alternatives.stream()).toList();
        }

        @Override
        public String label() {
            return String.join(" or ", anyOf());
        }
    }

    record AnySignedIn() implements Access {
        @Override
        public String label() {
            return "signed-in";
        }
    }

    record Anyone() implements Access {
        @Override
        public String label() {
            return "public";
        }
    }

    /** The handler's own declaration, else its class's; empty when there is none. */
    static Optional<Access> of(HandlerMethod handler) {
        return declared(handler.getMethod()).or(() -> declared(handler.getBeanType()));
    }

    private static Optional<Access> declared(java.lang.reflect.AnnotatedElement element) {
        RequiresPermission permission = AnnotatedElementUtils.findMergedAnnotation(element, RequiresPermission.class);
        if (permission != null) {
            return Optional.of(new Permission(permission.value(), List.of(permission.or())));
        }
        if (AnnotatedElementUtils.hasAnnotation(element, SignedIn.class)) {
            return Optional.of(new AnySignedIn());
        }
        return AnnotatedElementUtils.hasAnnotation(element, PublicEndpoint.class)
                ? Optional.of(new Anyone()) : Optional.empty();
    }
}
