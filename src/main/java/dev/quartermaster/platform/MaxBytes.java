package dev.quartermaster.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/** A string of at most {@code value} bytes in UTF-8, for stores that count bytes, not characters. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxBytes.Check.class)
public @interface MaxBytes {

    String TEMPLATE = "must be at most {value} bytes";

    int value();

    String message() default TEMPLATE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check and its wording, also for rules checked in code. */
    final class Check implements ConstraintValidator<MaxBytes, String> {

        private int max;

        @Override
        public void initialize(MaxBytes annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return fits(value, max);
        }

        public static boolean fits(String text, int max) {
            return text == null || text.getBytes(StandardCharsets.UTF_8).length <= max;
        }

        public static String message(int max) {
            return TEMPLATE.replace("{value}", Integer.toString(max));
        }
    }
}
