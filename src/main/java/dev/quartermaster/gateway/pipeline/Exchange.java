package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.gateway.anthropic.AnthropicUpstream;
import dev.quartermaster.gateway.openai.OpenAiUpstream;
import dev.quartermaster.gateway.wire.Dialect;
import dev.quartermaster.gateway.wire.Endpoint;
import dev.quartermaster.gateway.wire.StreamEncoder;
import dev.quartermaster.gateway.wire.Upstream;
import dev.quartermaster.gateway.wire.Usage;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one call is spoken between a client's dialect and one upstream: the request to send, the
 * client's answer from the upstream's, and the stream relay.
 */
interface Exchange {

    OutboundRequest request(Endpoint endpoint);

    JsonNode answer(JsonNode upstreamAnswer);

    Usage usage(JsonNode upstreamAnswer);

    Relay relay();

    Optional<String> errorMessage(JsonNode upstreamAnswer);

    /** Through the hub: the dialect's chat request to the upstream and back. */
    static Exchange translated(Dialect dialect, Upstream upstream, ObjectNode chat, boolean includeUsage) {
        return new Exchange() {
            @Override
            public OutboundRequest request(Endpoint endpoint) {
                return upstream.chat(chat, endpoint);
            }

            @Override
            public JsonNode answer(JsonNode upstreamAnswer) {
                return dialect.fromChat(upstream.completion(upstreamAnswer));
            }

            @Override
            public Usage usage(JsonNode upstreamAnswer) {
                return upstream.usage(upstreamAnswer);
            }

            @Override
            public Relay relay() {
                return Relay.translated(upstream.decoder(), dialect.encoder(includeUsage));
            }

            @Override
            public Optional<String> errorMessage(JsonNode upstreamAnswer) {
                return upstream.errorMessage(upstreamAnswer);
            }
        };
    }

    /**
     * The client speaks Anthropic and so does the upstream: the request goes as the client wrote
     * it (model and default system prompt aside) and every event comes back as it was sent.
     */
    static Exchange nativeAnthropic(AnthropicUpstream upstream, ObjectNode request, StreamEncoder errors) {
        return new Exchange() {
            @Override
            public OutboundRequest request(Endpoint endpoint) {
                return upstream.messages(request, endpoint);
            }

            @Override
            public JsonNode answer(JsonNode upstreamAnswer) {
                if (!upstreamAnswer.path("content").isArray()) {
                    throw new IllegalArgumentException("not an Anthropic message");
                }
                return upstreamAnswer;
            }

            @Override
            public Usage usage(JsonNode upstreamAnswer) {
                return upstream.usage(upstreamAnswer);
            }

            @Override
            public Relay relay() {
                return Relay.nativeTo(upstream.decoder(), errors);
            }

            @Override
            public Optional<String> errorMessage(JsonNode upstreamAnswer) {
                return upstream.errorMessage(upstreamAnswer);
            }
        };
    }

    /** OpenAI's embeddings: the request as it came (model aside), the answer as the upstream's adapter gives it. */
    static Exchange embeddings(Upstream upstream, ObjectNode request) {
        return new Exchange() {
            @Override
            public OutboundRequest request(Endpoint endpoint) {
                return upstream.embeddings(request, endpoint);
            }

            @Override
            public JsonNode answer(JsonNode upstreamAnswer) {
                return upstream.embeddingsAnswer(upstreamAnswer, request);
            }

            @Override
            public Usage usage(JsonNode upstreamAnswer) {
                return OpenAiUpstream.usageOf(upstream.embeddingsAnswer(upstreamAnswer, request).get("usage"));
            }

            @Override
            public Relay relay() {
                throw new IllegalStateException("embeddings do not stream");
            }

            @Override
            public Optional<String> errorMessage(JsonNode upstreamAnswer) {
                return upstream.errorMessage(upstreamAnswer);
            }
        };
    }
}
