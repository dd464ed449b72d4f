package dev.quartermaster.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A surface's JSON naming, declared once: the records of an annotated package, or of an annotated
 * type and the types nested in it, are snake_case on the wire ({@code modelId} is {@code model_id}),
 * both when read and written and in the API description. Elsewhere names are the Java ones
 * (camelCase, the system API's style). An explicit {@code @JsonProperty} still wins.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface SnakeCaseJson {
}
