package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.RawHttp;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestSettings;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of every surface, found from the running server's own mappings, is sent broken
 * input as an administrator: each answer must be a 4xx in a JSON error shape, never a 5xx. Broken
 * paths (a {@code %00}, a malformed escape, bytes that are not UTF-8, an encoded slash) and broken
 * query strings go to every route, the console's included, as raw bytes, and must come back in the
 * error shape of the route's surface.
 */
@QuartermasterTest
class MalformedInputTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final List<String> BROKEN_SEGMENTS = List.of("%00", "a%zz", "%C0%AF", "%E2%82", "a%2Fb", "a%5Cb",
            "a%0Db");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String pattern, HandlerMethod handler) {

        boolean takesBody() {
            return Stream.of(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        }

        String path(boolean validIds) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                boolean uuid = Stream.of(handler.getMethodParameters())
                        .filter(p -> p.hasParameterAnnotation(PathVariable.class))
                        .filter(p -> m.group(1).equals(variableName(p)))
                        .anyMatch(p -> p.getParameterType() == UUID.class);
                m.appendReplacement(path, uuid && validIds ? UUID.randomUUID().toString() : uuid ? "not-a-uuid" : "x");
            }
            m.appendTail(path);
            return path.toString();
        }

        /** The path with its first variable, or a segment added at its end, replaced by {@code broken}. */
        String brokenPath(String broken) {
            if (!pattern.contains("{")) {
                return (pattern.endsWith("/") ? pattern : pattern + "/") + broken;
            }
            String valid = path(true);
            Matcher m = VARIABLE.matcher(pattern);
            m.find();
            String before = pattern.substring(0, m.start());
            String rest = valid.substring(before.length());
            int end = rest.indexOf('/');
            return before + broken + (end < 0 ? "" : rest.substring(end));
        }

        /** The query parameters it declares, by wire name, with the type each is bound to. */
        List<Map.Entry<String, Class<?>>> queryParameters() {
            List<Map.Entry<String, Class<?>>> params = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    String name = !param.name().isEmpty() ? param.name() : p.getParameterName();
                    params.add(Map.entry(name, p.getParameterType()));
                } else if (p.hasParameterAnnotation(ParameterObject.class) && p.getParameterType().isRecord()) {
                    for (RecordComponent c : p.getParameterType().getRecordComponents()) {
                        BindParam bind = c.getAnnotation(BindParam.class);
                        params.add(Map.entry(bind != null ? bind.value() : c.getName(), c.getType()));
                    }
                }
            }
            return params;
        }

        private static String variableName(MethodParameter p) {
            String name = p.getParameterAnnotation(PathVariable.class).value();
            return name.isEmpty() ? p.getParameterName() : name;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @Test
    void theSweepCoversTheSystemApi() {
        assertThat(endpoints()).extracting(Endpoint::toString)
                .contains("POST /api/v1/system/users", "PATCH /api/v1/system/users/{id}");
    }

    @Test
    void anEmptyIdInAPathSaysThatAValueIsMissingFromThePath(TestApi server) {
        TestResponse answer = server.asAdmin().post("/api/v1/system/users//api-keys", "{\"name\": \"ci\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("path");
        assertThat(answer.json().at("/errors/0/message").asString()).contains("empty segment").contains("id is missing");
    }

    @Test
    void aMalformedIdInAPathNamesTheParameterAndWhatWasExpected(TestApi server) {
        TestResponse answer = server.asAdmin().post("/api/v1/system/users/alice/api-keys", "{\"name\": \"ci\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("id");
        assertThat(answer.json().at("/errors/0/message").asString()).contains("UUID");
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersBrokenInputWith4xx(TestApi api) {
        TestApi admin = api.asAdmin();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (e.pattern().contains("{")) {
                tests.add(DynamicTest.dynamicTest(e + " with bad path values",
                        () -> assertClientError(admin.send(e.method(), e.path(false), e.takesBody() ? "{}" : null,
                                e.takesBody() ? "application/json" : null), e)));
            }
            if (BODY_METHODS.contains(e.method()) && e.takesBody()) {
                String path = e.path(true);
                for (String body : List.of("{\"a\":", "[1, 2]", "\"text\"", "{\"name\": {\"nested\": true}}",
                        "{\"models\": \"x\", \"model_ids\": 5, \"username\": 7, \"isActive\": \"yes\"}", "")) {
                    tests.add(DynamicTest.dynamicTest(e + " with body " + body,
                            () -> assertClientError(admin.send(e.method(), path, body, "application/json"), e)));
                }
                tests.add(DynamicTest.dynamicTest(e + " as text/plain",
                        () -> assertClientError(admin.send(e.method(), path, "{}", "text/plain"), e)));
                tests.add(DynamicTest.dynamicTest(e + " with an oversized body",
                        () -> assertThat(admin.send(e.method(), path, "{\"x\":\"" + "a".repeat(3 << 20) + "\"}",
                                "application/json").status()).isEqualTo(413)));
            }
        }
        return tests.stream();
    }

    @Test
    void theSweepCoversTheGatewayTheMeteringAndTheConsole() {
        assertThat(routes()).extracting(Endpoint::toString).contains("POST /v1/chat/completions", "POST /v1/messages",
                "GET /v1/ai/usage", "POST /v1/ai/quote", "GET /api/v1/system/usage", "GET /api/v1/system/usage/ledger.csv",
                "GET /api/v1/system/usage/requests", "PUT /api/v1/system/tiers/{name}/rate-limits");
        assertThat(routes()).extracting(Endpoint::pattern).anyMatch(p -> p.startsWith("/console/"))
                .anyMatch(p -> p.startsWith("/api/v1/system/budgets"));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersABrokenPathInItsSurfacesShape(TestApi api) {
        RawHttp raw = RawHttp.to(api);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : routes()) {
            for (String broken : BROKEN_SEGMENTS) {
                String path = e.brokenPath(broken);
                tests.add(DynamicTest.dynamicTest(e + " as " + path, () -> assertRefusedInShape(
                        raw.send(e.method(), RawHttp.bytes(path), "Authorization", "Bearer " + TestSettings.ADMIN_KEY),
                        path, "path", e)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesAMalformedQueryInItsSurfacesShape(TestApi api) {
        RawHttp raw = RawHttp.to(api);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : routes()) {
            String path = e.path(true);
            for (String query : List.of("x=%zz", "x=%C0%AF", "x=%E2%82", "%G1=1")) {
                tests.add(DynamicTest.dynamicTest(e + " with ?" + query, () -> assertRefusedInShape(
                        raw.send(e.method(), RawHttp.bytes(path + "?" + query),
                                "Authorization", "Bearer " + TestSettings.ADMIN_KEY), path, "query", e)));
            }
        }
        return tests.stream();
    }

    /** A declared query parameter with a value of the wrong kind: 4xx when it is typed, never 5xx when it is text. */
    @TestFactory
    Stream<DynamicTest> everyQueryParameterAnswersABadValueWithoutA5xx(TestApi api) {
        TestApi admin = api.asAdmin();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (Map.Entry<String, Class<?>> param : e.queryParameters()) {
                for (String value : List.of("not-valid", "-1", "99999999999999999999", "%E2%9C%97", "")) {
                    String path = e.path(true) + "?" + param.getKey() + "=" + value;
                    tests.add(DynamicTest.dynamicTest(e + " with ?" + param.getKey() + "=" + value, () -> {
                        TestResponse answer = admin.send(e.method(), path, e.takesBody() ? "{}" : null,
                                e.takesBody() ? "application/json" : null);
                        assertThat(answer.status()).as(path + " answered " + answer).isLessThan(500);
                        if (answer.status() >= 400) {
                            assertClientError(answer, e);
                        } else if (param.getValue() != String.class && !value.isEmpty() && !value.equals("-1")) {
                            assertThat(answer.status()).as(path + " took a " + param.getValue().getSimpleName()
                                    + " from " + value).isBetween(400, 499);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** 400 naming {@code field}, in the error shape of the surface {@code path} belongs to, never the container's page. */
    private static void assertRefusedInShape(TestResponse answer, String path, String field, Endpoint endpoint) {
        String label = endpoint + " as " + path + " answered " + answer;
        assertThat(answer.status()).as(label).isEqualTo(400);
        assertThat(answer.body()).as(label).doesNotContain("<html").doesNotContain("Tomcat");
        JsonNode body = answer.json();
        if (path.startsWith("/v1/messages")) {
            assertThat(body.get("type").stringValue()).as(label).isEqualTo("error");
            assertThat(body.at("/error/type").stringValue()).as(label).isEqualTo("invalid_request_error");
            assertThat(body.at("/error/message").stringValue()).as(label).startsWith(field + ":");
        } else if (path.startsWith("/v1/") && !path.startsWith("/v1/ai/")) {
            assertThat(body.get("error").propertyNames()).as(label).containsExactly("message", "type", "param", "code");
            assertThat(body.at("/error/param").stringValue()).as(label).isEqualTo(field);
        } else if (path.startsWith("/api/ai-settings")) {
            assertThat(body.get("success").booleanValue()).as(label).isFalse();
            assertThat(body.at("/errors/0/field").stringValue()).as(label).isEqualTo("[" + field + "]");
        } else {
            assertThat(answer.header("Content-Type")).as(label).startsWith("application/problem+json");
            assertThat(body.get("status").intValue()).as(label).isEqualTo(400);
            assertThat(body.at("/errors/0/field").stringValue()).as(label).isEqualTo(field);
        }
    }

    private static void assertClientError(TestResponse response, Endpoint endpoint) {
        assertThat(response.status()).as(endpoint + " answered " + response).isBetween(400, 499);
        assertThat(response.header("Content-Type")).as(endpoint.toString()).contains("json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at dev.");
    }

    /** Every route the server maps (the API's, the console's, the root), but the error page's. */
    private List<Endpoint> routes() {
        List<Endpoint> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/error")) {
                    info.getMethodsCondition().getMethods()
                            .forEach(m -> routes.add(new Endpoint(m.name(), pattern, handler)));
                }
            }
        });
        return routes;
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/v1/")) {
                    continue;
                }
                info.getMethodsCondition().getMethods()
                        .forEach(m -> endpoints.add(new Endpoint(m.name(), pattern, handler)));
            }
        });
        return endpoints;
    }
}
