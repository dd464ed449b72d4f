package dev.quartermaster.platform;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns a body the JSON reader refused into a field and a reason, never echoing the value. */
final class JsonErrors {

    private JsonErrors() {
    }

    static FieldError describe(JacksonException e) {
        String field = path(e);
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException cause) {
            return new FieldError(field.isEmpty() ? "body" : field, cause.getMessage());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new FieldError(field.isEmpty() ? "body" : field, "must be " + expected(m.getTargetType()));
        }
        if (e instanceof StreamReadException && e.getLocation() != null) {
            return new FieldError(field.isEmpty() ? "body" : field, "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        return new FieldError(field.isEmpty() ? "body" : field, "is not valid JSON for this request");
    }

    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                values.append(values.isEmpty() ? "" : ", ").append(constant.toString());
            }
            return "one of: " + values;
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid " + type.getSimpleName();
    }
}
