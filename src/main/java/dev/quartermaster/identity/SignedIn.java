package dev.quartermaster.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a self-service handler: any signed-in user may call it, for themselves; the service
 * applies the row-level rules (ownership, tier). The explicit opposite of {@link RequiresPermission}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SignedIn {
}
