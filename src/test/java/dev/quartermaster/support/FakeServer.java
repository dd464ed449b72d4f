package dev.quartermaster.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in for a service outside the machine, on loopback. It records every request it gets
 * (method, path, headers, body) so a test can assert the exact shape the real service expects.
 */
public final class FakeServer implements AutoCloseable {

    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /**
     * An answer: a body sent whole, or (when {@code pieces} is set) streamed piece by piece with
     * {@code gapMillis} between them, each piece flushed, as a provider streams server-sent events.
     */
    public record Reply(int status, String body, Map<String, String> headers, long delayMillis, List<byte[]> pieces,
                        long gapMillis) {

        public Reply(int status, String body, Map<String, String> headers, long delayMillis) {
            this(status, body, headers, delayMillis, null, 0);
        }

        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"), 0);
        }

        /** A 200 event stream of these pieces (each already in SSE framing, or deliberately not). */
        public static Reply events(List<String> pieces, long gapMillis) {
            return bytes(pieces.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList(), gapMillis);
        }

        public static Reply bytes(List<byte[]> pieces, long gapMillis) {
            return new Reply(200, "", Map.of("Content-Type", "text/event-stream"), 0, List.copyOf(pieces), gapMillis);
        }

        public Reply delayed(long millis) {
            return new Reply(status, body, headers, millis, pieces, gapMillis);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more, delayMillis, pieces, gapMillis);
        }
    }

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger aborted = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Function<Recorded, Reply> handler = r -> Reply.json(404, "{}");

    public FakeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public FakeServer replying(Function<Recorded, Reply> replies) {
        this.handler = replies;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded lastRequest() {
        return requests.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        Recorded recorded = new Recorded(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(recorded);
        Reply reply = handler.apply(recorded);
        try {
            Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (reply.pieces() != null) {
            stream(exchange, reply);
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** The number of streams whose client went away before the last piece (the write failed). */
    public int abortedStreams() {
        return aborted.get();
    }

    private void stream(HttpExchange exchange, Reply reply) throws IOException {
        exchange.sendResponseHeaders(reply.status(), 0);
        try (var out = exchange.getResponseBody()) {
            for (byte[] piece : reply.pieces()) {
                out.write(piece);
                out.flush();
                Thread.sleep(reply.gapMillis());
            }
        } catch (IOException e) {
            aborted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
