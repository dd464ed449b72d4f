package dev.quartermaster.platform;

/** One failing input field and the reason, in words a client can show. */
public record FieldError(String field, String message) {
}
