package dev.quartermaster.platform;

/** The {@code {"data": ...}} wrapper of the system API. */
public record Envelope<T>(T data) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data);
    }
}
