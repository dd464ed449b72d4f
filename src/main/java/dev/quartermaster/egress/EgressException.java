package dev.quartermaster.egress;

/** An outbound call that got no HTTP answer; the message is safe to show (no headers, no body). */
public class EgressException extends Exception {

    public enum Kind { INVALID_URL, REFUSED, CONNECT, TLS, TIMEOUT, IO }

    private final Kind kind;

    EgressException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
