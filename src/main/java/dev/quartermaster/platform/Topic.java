package dev.quartermaster.platform;

import java.util.regex.Pattern;

/**
 * A kind of data whose in-memory views {@link Changes} drops when it changes. Each topic is declared
 * once, as a constant of the module that publishes it, and subscribers refer to that constant, so a
 * renamed or removed topic breaks the build rather than silently leaving a view stale.
 */
public record Topic(String name) {

    /** Lowercase words joined by dots: never a space, which separates the parts of a notification. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    public Topic {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a topic is lowercase words joined by dots, not " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
