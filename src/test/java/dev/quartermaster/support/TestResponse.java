package dev.quartermaster.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Status, headers and body of one answer. */
public record TestResponse(int status, Map<String, List<String>> headers, String body) {

    public TestResponse {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    public JsonNode json() {
        return TestApi.json(body);
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
