package dev.quartermaster.egress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

/** An {@link OutboundStream} over one open Apache HttpClient answer. */
final class OpenStream implements OutboundStream {

    private final ClassicHttpResponse response;
    private final HttpUriRequestBase request;
    private final Deadlines deadlines;
    private final int maxBytes;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private volatile boolean ended;

    OpenStream(ClassicHttpResponse response, HttpUriRequestBase request, Deadlines deadlines, int maxBytes) {
        this.response = response;
        this.request = request;
        this.deadlines = deadlines;
        this.maxBytes = maxBytes;
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
    }

    @Override
    public int status() {
        return response.getCode();
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    @Override
    public InputStream body() {
        try {
            return response.getEntity() == null ? InputStream.nullInputStream() : new EndWatch(response.getEntity().getContent());
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    @Override
    public String readCapped() throws IOException {
        return readCapped(body(), maxBytes);
    }

    @Override
    public void abort() {
        request.cancel();
    }

    @Override
    public Optional<String> expired() {
        return deadlines.expired();
    }

    @Override
    public void close() {
        deadlines.disarmAll();
        // a body read to its end leaves a connection to reuse; otherwise cancel first, or closing would
        // read the rest of an endless stream to reuse it
        if (!ended) {
            request.cancel();
        }
        try {
            response.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is discarded either way
        }
    }

    /**
     * At most {@code maxBytes} of the body as text. The buffer starts small and grows with the body:
     * {@code readNBytes} takes 16 KiB for any body, and most answers are a few hundred bytes.
     */
    static String readCapped(InputStream in, int maxBytes) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 1024));
            byte[] chunk = new byte[Math.min(maxBytes, 2048)];
            int read;
            while (out.size() < maxBytes && (read = in.read(chunk, 0, Math.min(chunk.length, maxBytes - out.size()))) > 0) {
                out.write(chunk, 0, read);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The body, noting when it was read to its end. */
    private final class EndWatch extends java.io.FilterInputStream {

        EndWatch(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            ended |= n < 0;
            return n;
        }
    }

    /** Named deadlines that cancel the request when they pass; the first to fire is remembered. */
    static final class Deadlines {

        private final ScheduledExecutorService scheduler;
        private final HttpUriRequestBase request;
        private final Map<String, ScheduledFuture<?>> armed = new ConcurrentHashMap<>();
        private final AtomicReference<String> fired = new AtomicReference<>();

        Deadlines(ScheduledExecutorService scheduler, HttpUriRequestBase request) {
            this.scheduler = scheduler;
            this.request = request;
        }

        void arm(String name, Duration after) {
            armed.put(name, scheduler.schedule(() -> {
                fired.compareAndSet(null, name);
                request.cancel();
            }, after.toMillis(), TimeUnit.MILLISECONDS));
        }

        void disarm(String name) {
            ScheduledFuture<?> future = armed.remove(name);
            if (future != null) {
                future.cancel(false);
            }
        }

        void disarmAll() {
            armed.keySet().forEach(this::disarm);
        }

        Optional<String> expired() {
            return Optional.ofNullable(fired.get());
        }
    }
}
