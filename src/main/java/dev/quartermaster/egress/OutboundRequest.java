package dev.quartermaster.egress;

import java.net.URI;
import java.util.Map;

/** One JSON request to an outside service. Header values may hold credentials: never log or echo them. */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, String jsonBody) {

    public OutboundRequest {
        headers = Map.copyOf(headers);
    }

    public static OutboundRequest postJson(URI uri, Map<String, String> headers, String body) {
        return new OutboundRequest("POST", uri, headers, body);
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
