package dev.quartermaster.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request record that is read field by field and then checked with its Bean Validation
 * constraints (see {@link RecordBinder}): a bad body is refused with every failing field at once,
 * a wrong JSON type among the broken rules. Used for creates and other whole bodies; partial
 * updates read a {@link PatchRequest} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CheckedBody {

    /** Whether a field the record does not declare is refused rather than ignored. */
    boolean closed() default false;
}
