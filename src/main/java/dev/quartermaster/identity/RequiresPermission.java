package dev.quartermaster.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one declaration of who may call a handler: a caller holding this permission (one of
 * {@link Permissions#ALL}), or any one of {@link #or()}. On a controller class it applies to every
 * handler that declares nothing itself. Enforced before the handler runs, and shown as
 * {@code x-permission} in the API description.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

    String value();

    /**
     * Permissions that each suffice instead of {@link #value()}: for a new, narrower permission whose
     * reads an older one already allowed (so callers holding the older one keep them).
     */
    String[] or() default {};
}
