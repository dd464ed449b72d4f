package dev.quartermaster.console;

import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as plain HTTP goes: it asks for HTML, keeps the cookies it is given, and posts
 * forms with the CSRF token of the last page it opened. It follows no redirects.
 */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestApi api;
    private final Map<String, String> cookies;
    private String csrf;

    ConsoleClient(TestApi api) {
        this(api, new LinkedHashMap<>());
    }

    private ConsoleClient(TestApi api, Map<String, String> cookies) {
        this.api = api;
        this.cookies = cookies;
    }

    /** The same browser (its cookies, its CSRF token) talking to another server. */
    ConsoleClient on(TestApi other) {
        ConsoleClient there = new ConsoleClient(other, cookies);
        there.csrf = csrf;
        return there;
    }

    TestResponse open(String path) {
        TestResponse page = remember(client().withHeader("Accept", "text/html,application/xhtml+xml").get(path));
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** Posts a form with the page's CSRF token, as a browser would. */
    TestResponse post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return postWithout(path, all);
    }

    /** Posts a form exactly as given: without the CSRF token unless it is among the fields. */
    TestResponse postWithout(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return remember(client().withHeader("Accept", "text/html")
                .send("POST", path, body, "application/x-www-form-urlencoded"));
    }

    TestResponse signIn(String username, String password) {
        open("/");
        return post("/console/sign-in", Map.of("username", username, "password", password));
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    String csrf() {
        return csrf;
    }

    /** The Set-Cookie header for {@code name} in a response, whole (with its attributes). */
    static String setCookie(TestResponse response, String name) {
        List<String> all = response.headers().getOrDefault("set-cookie", List.of());
        return all.stream().filter(c -> c.startsWith(name + "=")).reduce((a, b) -> b).orElse(null);
    }

    private TestApi client() {
        if (cookies.isEmpty()) {
            return api;
        }
        return api.withHeader("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
    }

    private TestResponse remember(TestResponse response) {
        for (String header : response.headers().getOrDefault("set-cookie", List.of())) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            boolean expired = header.toLowerCase().contains("max-age=0");
            if (expired || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
