package dev.quartermaster.platform;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The wording of the common field rules, in one place. The templates use Bean Validation's
 * {@code {max}} / {@code {min}} parameters, so a constraint's message is read from the same
 * attribute that it checks; the methods render the same wording for rules checked in code.
 */
public final class Text {

    public static final String REQUIRED = "is required";
    public static final String AT_MOST = "must be at most {max} characters";
    public static final String AT_LEAST = "must be at least {min} characters";
    public static final String BETWEEN = "must be {min}-{max} characters";

    private Text() {
    }

    public static String atMost(int max) {
        return AT_MOST.replace("{max}", Integer.toString(max));
    }

    public static String between(int min, int max) {
        return BETWEEN.replace("{min}", Integer.toString(min)).replace("{max}", Integer.toString(max));
    }

    /** "must be one of: a, b, c", in the order given. */
    public static String oneOf(List<String> values) {
        return "must be one of: " + String.join(", ", values);
    }

    /** The closed set of an enum, by each constant's wire form ({@code toString}). */
    public static String oneOf(Class<? extends Enum<?>> type) {
        return oneOf(Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.toList()));
    }
}
