package dev.quartermaster.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole body whose fields were each read and checked against their own constraints, handed to
 * the service that knows the rest of the rules (a name already taken, a user that does not exist),
 * so that one answer lists every failing field. The service rejects what it finds and then takes
 * the value with {@link #valid()}. A field that had the wrong JSON type is null in {@link #sent()}.
 */
public final class Checked<T> {

    private final T value;
    private final List<FieldError> errors;

    Checked(T value, List<FieldError> errors) {
        this.value = value;
        this.errors = new ArrayList<>(errors);
    }

    /** A body that passed its own checks, for callers that build one in code. */
    public static <T> Checked<T> of(T value) {
        return new Checked<>(value, List.of());
    }

    /** The body as sent, whether or not it is valid: for checking the rules that are left. */
    public T sent() {
        return value;
    }

    /** Records a field's error; a field keeps only its first one (a type error before a lookup's). */
    public void reject(FieldError error) {
        if (errors.stream().noneMatch(e -> e.field().equals(error.field()))) {
            errors.add(error);
        }
    }

    public void rejectAll(List<FieldError> more) {
        more.forEach(this::reject);
    }

    /** The body, or a 400 with every field error found by the reader and the service. */
    public T valid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return value;
    }
}
