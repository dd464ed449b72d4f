package dev.quartermaster.gateway.wire;

/** One server-sent event: its {@code event:} name (null when it has none) and its {@code data:}. */
public record SseEvent(String event, String data) {

    public static SseEvent data(String data) {
        return new SseEvent(null, data);
    }
}
