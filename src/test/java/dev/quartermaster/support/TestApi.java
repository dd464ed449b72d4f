package dev.quartermaster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the server under test, on loopback. Immutable: each {@code with*} returns a new one. */
public final class TestApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;
    private final List<String> headers;

    private TestApi(HttpClient http, String base, List<String> headers) {
        this.http = http;
        this.base = base;
        this.headers = headers;
    }

    public static TestApi at(int port) {
        return new TestApi(client(null), "http://127.0.0.1:" + port, List.of());
    }

    /** Requests from another loopback address, so that per-client limits apply to it alone. */
    public TestApi from(String loopbackAddress) {
        try {
            return new TestApi(client(InetAddress.getByName(loopbackAddress)), base, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This client with {@code name} set to {@code value}, replacing an earlier value of that header. */
    public TestApi withHeader(String name, String value) {
        List<String> more = new ArrayList<>();
        for (int i = 0; i < headers.size(); i += 2) {
            if (!headers.get(i).equalsIgnoreCase(name)) {
                more.add(headers.get(i));
                more.add(headers.get(i + 1));
            }
        }
        more.add(name);
        more.add(value);
        return new TestApi(http, base, List.copyOf(more));
    }

    public TestApi withKey(String apiKey) {
        return withHeader("Authorization", "Bearer " + apiKey);
    }

    public TestApi asAdmin() {
        return withKey(TestSettings.ADMIN_KEY);
    }

    public String base() {
        return base;
    }

    public TestResponse get(String path) {
        return send("GET", path, null, null);
    }

    public TestResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    public TestResponse post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public TestResponse put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public TestResponse patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public TestResponse send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static HttpClient client(InetAddress local) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (local != null) {
            builder.localAddress(local);
        }
        return builder.build();
    }
}
