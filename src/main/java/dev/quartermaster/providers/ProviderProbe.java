package dev.quartermaster.providers;

import dev.quartermaster.egress.Egress;
import dev.quartermaster.egress.EgressException;
import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.egress.OutboundResponse;
import dev.quartermaster.providers.protocol.Protocol;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends one real request in a provider's own protocol and says what happened. Every outcome,
 * including the provider's errors, timeouts and garbage, is a {@link ProbeResult}, never an exception.
 */
@Service
@EnableConfigurationProperties(ProvidersProperties.class)
public class ProviderProbe {

    private static final int MAX_CAPTION = 500;

    private final Egress egress;
    private final ProvidersProperties properties;

    ProviderProbe(Egress egress, ProvidersProperties properties) {
        this.egress = egress;
        this.properties = properties;
    }

    /** A minimal chat call with the configuration's model and system prompt; the caption is the reply. */
    public ProbeResult chat(ProbeRequest request) {
        Protocol protocol = Protocol.of(request.provider());
        String baseUrl = baseUrl(request.provider(), request.baseUrl());
        return call(request, baseUrl, protocol::replyText,
                () -> protocol.chat(baseUrl, request.apiKey(), request.model(), request.systemPrompt()));
    }

    /** Proves a key with the provider's free model list; no tokens are spent. */
    public ProbeResult checkKey(ProviderType provider, String apiKey) {
        Protocol protocol = Protocol.of(provider);
        String baseUrl = baseUrl(provider, null);
        ProbeRequest request = new ProbeRequest(provider, baseUrl, apiKey, null, null);
        return call(request, baseUrl, answer -> Optional.of(""), () -> protocol.listModels(baseUrl, apiKey));
    }

    /** The endpoint a configuration talks to: its own, else the provider's default. */
    public String baseUrl(ProviderType provider, String configured) {
        return configured == null || configured.isBlank() ? properties.defaultBaseUrl(provider) : configured;
    }

    /**
     * Whether two configurations talk to the same place: the same protocol and the same origin
     * (scheme, host, port) of their effective endpoints. A stored key only ever goes to its own.
     */
    public boolean sameEndpoint(ProviderType a, String baseUrlA, ProviderType b, String baseUrlB) {
        return a == b && sameOrigin(baseUrl(a, baseUrlA), baseUrl(b, baseUrlB));
    }

    private static boolean sameOrigin(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        try {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return Objects.equals(x.getScheme(), y.getScheme()) && Objects.equals(x.getHost(), y.getHost())
                    && x.getPort() == y.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ProbeResult call(ProbeRequest request, String baseUrl, Function<JsonNode, Optional<String>> reply,
                             Supplier<OutboundRequest> build) {
        String model = request.model();
        if (baseUrl == null) {
            return ProbeResult.failed(model, null, "no base URL: openai_like profiles need one", null);
        }
        OutboundResponse response;
        try {
            response = egress.send(build.get(), properties.testTimeout());
        } catch (IllegalArgumentException e) {
            return ProbeResult.failed(model, baseUrl, "the base URL is not a valid URL", null);
        } catch (EgressException e) {
            return ProbeResult.failed(model, baseUrl, e.getMessage(), null);
        }
        Optional<JsonNode> answer = parse(response.body());
        Protocol protocol = Protocol.of(request.provider());
        if (response.status() / 100 != 2) {
            String message = answer.flatMap(protocol::errorMessage).map(m -> ": " + Redaction.scrub(m, request.apiKey()))
                    .orElse("");
            return ProbeResult.failed(model, baseUrl, "HTTP " + response.status() + " from " + request.provider() + message,
                    response.status());
        }
        Optional<String> text = answer.flatMap(reply);
        if (text.isEmpty()) {
            return ProbeResult.failed(model, baseUrl, "HTTP " + response.status() + " from " + request.provider()
                    + ", but the answer is not in the " + request.provider() + " format", response.status());
        }
        String caption = text.get().strip();
        return new ProbeResult(true, caption.length() > MAX_CAPTION ? caption.substring(0, MAX_CAPTION) + "…" : caption,
                model, baseUrl, null, response.status());
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            return Optional.of(Protocol.JSON.readTree(body)).filter(JsonNode::isObject);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
