package dev.quartermaster.platform;

import tools.jackson.databind.PropertyNamingStrategies;

/** Where {@link SnakeCaseJson} applies: one rule for the wire ({@code JsonConfig}) and the API description. */
final class SurfaceNames {


    private SurfaceNames() {
    }

    /** Whether {@code type}, a type it is nested in, or its package declares snake_case. */
    static boolean snakeCase(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(SnakeCaseJson.class)) {
                return true;
            }
        }
        Package pkg = type.getPackage();
        return pkg != null && pkg.isAnnotationPresent(SnakeCaseJson.class);
    }

    /** A property's name on the wire, where no {@code @JsonProperty} names it (Jackson's own rule). */
    static String wireName(Class<?> type, String property) {
        return snakeCase(type) ? PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, property) : property;
    }
}
