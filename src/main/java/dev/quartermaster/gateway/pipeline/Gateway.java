package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.catalog.Capability;
import dev.quartermaster.catalog.CatalogModel;
import dev.quartermaster.gateway.wire.Dialect;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import dev.quartermaster.identity.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One gateway call from the client's body to its answer: read it in its dialect, route the model,
 * find who pays, reserve, call (with retries before the first byte), answer whole or streamed,
 * settle. Errors before the answer begins are {@code ApiException}s, spelled by the route's error
 * shape; after it began, the stream ends with the dialect's error event.
 */
@Service
@EnableConfigurationProperties(GatewayProperties.class)
public class Gateway {

    private final Router router;
    private final Targets targets;
    private final Dialects dialects;
    private final Metering metering;
    private final Calls calls;

    Gateway(Router router, Targets targets, Dialects dialects, Metering metering, Calls calls) {
        this.router = router;
        this.targets = targets;
        this.dialects = dialects;
        this.metering = metering;
        this.calls = calls;
    }

    public void serve(Caller caller, Inbound inbound, byte[] body, HttpServletResponse response) throws IOException {
        String requestId = "req_" + HexFormat.of().formatHex(randomBytes());
        response.setHeader("x-request-id", requestId);
        if (inbound.anthropic()) {
            response.setHeader("request-id", requestId);
        }
        JsonNode request = read(body);
        Dialect dialect = dialects.of(inbound);
        ObjectNode chat = translate(() -> inbound == Inbound.EMBEDDINGS ? Embeddings.check(request) : dialect.toChat(request));
        String value = router.modelOf(caller, text(request.get("model")), inbound == Inbound.CHAT);
        Route route = router.route(caller, value);
        checkCapability(inbound, route.model());
        chat.put("model", route.model().value());
        List<Target> serving = targets.of(caller, route);
        boolean stream = chat.path("stream").asBoolean(false);
        CallPlan plan = new CallPlan(requestId, caller, inbound, route.model(), chat, stream);
        Metering.Reservation reservation = metering.reserve(plan);
        Calls.Call call = new Calls.Call(plan, request, dialect, serving, includeUsage(inbound, request), response);
        Metering.CallResult result = null;
        try {
            result = calls.run(call);
        } finally {
            metering.settle(reservation, result != null ? result : calls.failed(call));
        }
    }

    private static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw GatewayErrors.invalid(null, "the request has no body: send a JSON object");
        }
        JsonNode request = translate(() -> Json.parse(new String(body, StandardCharsets.UTF_8), "body"));
        if (!request.isObject()) {
            throw GatewayErrors.invalid(null, "the body must be a JSON object");
        }
        return request;
    }

    private static <T> T translate(Supplier<T> step) {
        try {
            return step.get();
        } catch (WireException e) {
            throw GatewayErrors.invalid(e.param(), e.getMessage());
        }
    }

    private static void checkCapability(Inbound inbound, CatalogModel model) {
        boolean embeddingsModel = model.can(Capability.EMBEDDINGS) && !model.can(Capability.CHAT);
        if (inbound == Inbound.EMBEDDINGS && !model.can(Capability.EMBEDDINGS)) {
            throw GatewayErrors.notSupported("model", "the model '" + model.value() + "' does not offer embeddings");
        }
        if (inbound != Inbound.EMBEDDINGS && embeddingsModel) {
            throw GatewayErrors.notSupported("model", "the model '" + model.value() + "' is an embeddings model, not a chat model");
        }
    }

    private static boolean includeUsage(Inbound inbound, JsonNode request) {
        return inbound != Inbound.CHAT || request.path("stream_options").path("include_usage").asBoolean(false);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw GatewayErrors.invalid("model", "must be a string");
        }
        return node.stringValue();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
