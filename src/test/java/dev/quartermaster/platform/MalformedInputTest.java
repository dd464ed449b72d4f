package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of every surface, found from the running server's own mappings, is sent broken
 * input as an administrator: each answer must be a 4xx in a JSON error shape, never a 5xx.
 */
@QuartermasterTest
class MalformedInputTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

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

    private static void assertClientError(TestResponse response, Endpoint endpoint) {
        assertThat(response.status()).as(endpoint + " answered " + response).isBetween(400, 499);
        assertThat(response.header("Content-Type")).as(endpoint.toString()).contains("json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at dev.");
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
