package dev.quartermaster.gateway.sse;

import dev.quartermaster.gateway.wire.SseEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events from a byte stream as they arrive. Lines are split on bytes and an
 * event is decoded only when it is whole, so a UTF-8 character split across network reads is never
 * corrupted. Memory is bounded: an event larger than {@code maxEventBytes} is an error, not a buffer
 * that grows. Comments ({@code :} lines) and {@code id}/{@code retry} fields are skipped.
 */
public final class SseReader {

    private static final int NONE = -2;

    private final InputStream in;
    private final int maxEventBytes;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final ByteArrayOutputStream data = new ByteArrayOutputStream(1024);
    private int position;
    private int limit;
    private int pushedBack = NONE;
    private String event;
    private boolean hasData;

    public SseReader(InputStream in, int maxEventBytes) {
        this.in = in;
        this.maxEventBytes = maxEventBytes;
    }

    /** The next whole event, or null when the stream ended (a partial event at the end is dropped). */
    public SseEvent next() throws IOException {
        while (true) {
            if (!readLine()) {
                return null;
            }
            if (line.size() == 0) {
                if (hasData) {
                    return take();
                }
                event = null;
                continue;
            }
            field(line.toByteArray());
        }
    }

    private SseEvent take() {
        SseEvent taken = new SseEvent(event, data.toString(StandardCharsets.UTF_8));
        data.reset();
        event = null;
        hasData = false;
        return taken;
    }

    private void field(byte[] bytes) throws IOException {
        int colon = indexOf(bytes, (byte) ':');
        if (colon == 0) {
            return;
        }
        String name = new String(bytes, 0, colon < 0 ? bytes.length : colon, StandardCharsets.UTF_8);
        int start = colon < 0 ? bytes.length : colon + 1;
        if (start < bytes.length && bytes[start] == ' ') {
            start++;
        }
        if (name.equals("data")) {
            if (hasData) {
                data.write('\n');
            }
            data.write(bytes, start, bytes.length - start);
            hasData = true;
            if (data.size() > maxEventBytes) {
                throw new IOException("an upstream event is larger than " + maxEventBytes + " bytes");
            }
        } else if (name.equals("event")) {
            event = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        }
    }

    /** Reads one line (without its end: LF, CR or CRLF) into {@code line}; false at the end of the stream. */
    private boolean readLine() throws IOException {
        line.reset();
        while (true) {
            int b = read();
            if (b < 0) {
                return false;
            }
            if (b == '\n') {
                return true;
            }
            if (b == '\r') {
                int after = read();
                if (after != '\n' && after >= 0) {
                    pushedBack = after;
                }
                return true;
            }
            line.write(b);
            if (line.size() > maxEventBytes) {
                throw new IOException("an upstream line is longer than " + maxEventBytes + " bytes");
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int b = pushedBack;
            pushedBack = NONE;
            return b;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++] & 0xff;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
