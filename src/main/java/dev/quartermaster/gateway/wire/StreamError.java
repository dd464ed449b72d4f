package dev.quartermaster.gateway.wire;

/**
 * The upstream reported an error inside a stream that had begun. {@code type} is the upstream's
 * error type if it gave one (e.g. {@code overloaded_error}); the message may quote the key, so the
 * gateway redacts it before anything else sees it.
 */
public class StreamError extends RuntimeException {

    private final String type;

    public StreamError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
