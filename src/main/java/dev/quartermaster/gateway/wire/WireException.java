package dev.quartermaster.gateway.wire;

/**
 * A request that cannot be read or translated (malformed, or asking for what the upstream cannot
 * do, such as {@code n > 1} on Anthropic): a 400 in the inbound dialect naming the field.
 */
public class WireException extends RuntimeException {

    private final String param;

    public WireException(String param, String message) {
        super(message, null, false, false);
        this.param = param;
    }

    /** The request field at fault, as the client wrote it (e.g. {@code messages[2].content}); null if none. */
    public String param() {
        return param;
    }
}
