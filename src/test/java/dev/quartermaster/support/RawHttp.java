package dev.quartermaster.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte on a socket, for requests that HTTP clients would normalise or
 * refuse to send (a {@code %00} or raw non-ASCII bytes in the path, a header too large).
 */
public final class RawHttp {

    private final String host;
    private final int port;

    private RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static RawHttp to(TestApi api) {
        URI base = URI.create(api.base());
        return new RawHttp(base.getHost(), base.getPort());
    }

    /** {@code method target HTTP/1.1} with {@code headers} (name, value, …) and {@code Connection: close}. */
    public TestResponse send(String method, byte[] target, String... headers) {
        return send((method + " ").getBytes(StandardCharsets.US_ASCII), target, " HTTP/1.1", headers);
    }

    public TestResponse send(byte[] lineStart, byte[] target, String lineEnd, String... headers) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(lineStart);
        request.writeBytes(target);
        StringBuilder rest = new StringBuilder(lineEnd).append("\r\nHost: ").append(host).append(':').append(port)
                .append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            rest.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        rest.append("Connection: close\r\n\r\n");
        request.writeBytes(rest.toString().getBytes(StandardCharsets.ISO_8859_1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static TestResponse parse(byte[] answer) throws IOException {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
        boolean chunked = headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
                && h.getValue().contains("chunked"));
        return new TestResponse(status, headers, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(body);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\r'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("truncated chunk");
                }
                size.append((char) c);
            }
            in.read();
            int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            in.readNBytes(2);
        }
    }
}
