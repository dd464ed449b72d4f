package dev.quartermaster.egress;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * An answer whose body is read as it arrives (a stream of server-sent events, say). Closing it
 * releases the connection; {@link #abort()} cuts it at once, from any thread, which is how a
 * client's disconnect cancels the upstream call. Reading after a deadline passed fails with an
 * {@link IOException}; {@link #expired()} then says which deadline it was.
 */
public interface OutboundStream extends AutoCloseable {

    int status();

    /** A response header (first value; names compare without case). */
    Optional<String> header(String name);

    /** Every response header, first values, by lower-case name. */
    Map<String, String> headers();

    InputStream body();

    /** The body read whole, capped like {@link Egress#send}'s; for error answers. */
    String readCapped() throws IOException;

    /** Cuts the connection; the upstream sees the request cancelled. */
    void abort();

    /** The deadline that cut this stream ("first byte", "total"), if one did. */
    Optional<String> expired();

    @Override
    void close();
}
