package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.accounts.KeyResolution;
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
import java.util.UUID;
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

    /** {@code apiKeyId}: the API key the caller signed in with, null for a password or a JWT. */
    public void serve(Caller caller, UUID apiKeyId, Inbound inbound, byte[] body, HttpServletResponse response)
            throws IOException {
        String requestId = "req_" + HexFormat.of().formatHex(randomBytes());
        response.setHeader("x-request-id", requestId);
        if (inbound.anthropic()) {
            response.setHeader("request-id", requestId);
        }
        JsonNode request = read(body);
        Planned planned = plan(requestId, caller, apiKeyId, inbound, request);
        CallPlan plan = planned.plan();
        Metering.Reservation reservation = metering.reserve(plan, response);
        if (inbound == Inbound.MESSAGES && plan.chat().has("max_tokens")) {
            ((ObjectNode) request).set("max_tokens", plan.chat().get("max_tokens"));   // relayed as it came, but bounded
        }
        Calls.Call call = new Calls.Call(plan, request, planned.dialect(), planned.targets(), includeUsage(inbound, request),
                response);
        Metering.CallResult result = null;
        try {
            result = calls.run(call);
        } finally {
            settle(reservation, result != null ? result : calls.failed(call));
        }
    }

    /** What metering would do with this chat request, without calling anyone (POST /v1/ai/quote). */
    public Quoted quote(Caller caller, UUID apiKeyId, byte[] body) {
        CallPlan plan = plan("quote", caller, apiKeyId, Inbound.CHAT, read(body)).plan();
        return new Quoted(plan.model().value(), plan.payer(), metering.quote(plan));
    }

    /** A quote: the route's model, who would pay first, and the reserved bound with its verdict. */
    public record Quoted(String model, CallPlan.Payer payer, Metering.Quote quote) {
    }

    private record Planned(CallPlan plan, Dialect dialect, List<Target> targets) {
    }

    private Planned plan(String requestId, Caller caller, UUID apiKeyId, Inbound inbound, JsonNode request) {
        Dialect dialect = dialects.of(inbound);
        ObjectNode chat = translate(() -> inbound == Inbound.EMBEDDINGS ? Embeddings.check(request) : dialect.toChat(request));
        String value = router.modelOf(caller, text(request.get("model")), inbound == Inbound.CHAT);
        Route route = router.route(caller, value);
        checkCapability(inbound, route.model());
        chat.put("model", route.model().value());
        List<Target> serving = targets.of(caller, route);
        Target first = serving.getFirst();
        boolean managed = serving.stream().anyMatch(t -> t.key() instanceof KeyResolution.Managed);
        CallPlan.Payer payer = new CallPlan.Payer(first.provider(), first.profile().id(), first.key().source(), managed);
        boolean stream = chat.path("stream").asBoolean(false);
        return new Planned(new CallPlan(requestId, caller, apiKeyId, inbound, route.model(), chat, stream, payer),
                dialect, serving);
    }

    /** Settles even when the client's disconnect interrupted this thread: the interrupt waits until after. */
    private void settle(Metering.Reservation reservation, Metering.CallResult result) {
        boolean interrupted = Thread.interrupted();
        try {
            metering.settle(reservation, result);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
