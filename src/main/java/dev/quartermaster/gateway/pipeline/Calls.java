package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.egress.OutboundStream;
import dev.quartermaster.gateway.anthropic.AnthropicUpstream;
import dev.quartermaster.gateway.sse.SseReader;
import dev.quartermaster.gateway.sse.SseWriter;
import dev.quartermaster.gateway.wire.Dialect;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamError;
import dev.quartermaster.gateway.wire.Usage;
import dev.quartermaster.providers.Redaction;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a planned call and answers the client: a whole answer translated at once, or a stream
 * relayed event by event, each flushed as it arrives, in bounded memory. A client that goes away
 * cuts the upstream call; an upstream that breaks off mid-stream ends the client's stream with
 * the dialect's error event.
 */
@Component
class Calls {

    /**
     * {@code request}: the client's body as it came, for an upstream that speaks the client's own
     * protocol; {@code attempts}: filled in as attempts end, for the ledger.
     */
    record Call(CallPlan plan, JsonNode request, Dialect dialect, List<Target> targets, boolean includeUsage,
                HttpServletResponse response, List<Metering.Attempt> attempts) {

        Call(CallPlan plan, JsonNode request, Dialect dialect, List<Target> targets, boolean includeUsage,
             HttpServletResponse response) {
            this(plan, request, dialect, targets, includeUsage, response, new ArrayList<>());
        }
    }

    private final Attempts attempts;
    private final GatewayProperties properties;

    Calls(Attempts attempts, GatewayProperties properties) {
        this.attempts = attempts;
        this.properties = properties;
    }

    Metering.CallResult run(Call call) throws IOException {
        long started = System.nanoTime();
        Attempts.Opened opened = attempts.open(call.targets(), target -> exchange(call, target), new Attempts.AttemptListener() {
            @Override
            public void attempting(Target target) {
                headers(call.response(), target);
            }

            @Override
            public void answered(int number, Target target, int status, Duration latency) {
                call.attempts().add(new Metering.Attempt(number, target.provider(), target.profile().id(),
                        target.key().source(), status, latency));
            }
        });
        Exchange exchange = opened.exchange();
        try (OutboundStream upstream = opened.stream()) {
            return call.plan().stream()
                    ? stream(call, upstream, exchange.relay(), opened, started)
                    : whole(call, upstream, exchange, opened, started);
        }
    }

    Metering.CallResult failed(Call call) {
        int status = call.attempts().isEmpty() ? 0 : call.attempts().getLast().status();
        return new Metering.CallResult(status, Usage.NONE, call.plan().stream(), false, false, Duration.ZERO, null,
                call.attempts(), 0);
    }

    private Metering.CallResult whole(Call call, OutboundStream upstream, Exchange exchange, Attempts.Opened opened,
                                      long started) throws IOException {
        String body = upstream.readCapped();
        JsonNode answer;
        JsonNode translated;
        try {
            answer = Json.MAPPER.readTree(body);
            translated = exchange.answer(answer);
        } catch (RuntimeException e) {
            throw GatewayErrors.upstream(502, opened.target().provider(), "the answer was not what its API promises", null);
        }
        byte[] bytes = Json.write(translated).getBytes(StandardCharsets.UTF_8);
        HttpServletResponse response = call.response();
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        Duration latency = since(started);
        return new Metering.CallResult(upstream.status(), exchange.usage(answer), false, true, false, latency, latency,
                call.attempts(), 0);
    }

    private Metering.CallResult stream(Call call, OutboundStream upstream, Relay relay, Attempts.Opened opened,
                                       long started) throws IOException {
        HttpServletResponse response = call.response();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        OutputStream out = response.getOutputStream();
        out.flush();
        StreamRun run = new StreamRun(upstream, relay, new SseWriter(out), opened.target().endpoint().apiKey(),
                properties.maxEventBytes(), errorType(call));
        run.relay();
        return new Metering.CallResult(upstream.status(), relay.usage(), true, relay.finished(),
                run.clientGone, since(started), run.firstEvent == 0 ? null : Duration.ofNanos(run.firstEvent - started),
                call.attempts(), relay.outputBytes());
    }

    private static String errorType(Call call) {
        return call.plan().inbound().anthropic() ? "api_error" : "server_error";
    }

    private Exchange exchange(Call call, Target target) {
        ObjectNode chat = SystemPrompts.apply(call.plan().chat(), target.profile().defaultSystemPrompt());
        if (call.plan().inbound() == Inbound.EMBEDDINGS) {
            return Exchange.embeddings(target.upstream(), call.plan().chat());
        }
        if (call.plan().inbound() == Inbound.MESSAGES && target.upstream() instanceof AnthropicUpstream anthropic) {
            ObjectNode request = (ObjectNode) call.request();
            String prompt = target.profile().defaultSystemPrompt();
            if (!request.hasNonNull("system") && prompt != null && !prompt.isBlank()) {
                request = request.deepCopy().put("system", prompt);
            }
            return Exchange.nativeAnthropic(anthropic, request, call.dialect().encoder(true));
        }
        return Exchange.translated(call.dialect(), target.upstream(), chat, call.includeUsage());
    }

    private static void headers(HttpServletResponse response, Target target) {
        response.setHeader("x-quartermaster-key-source", target.key().source());
        response.setHeader("x-quartermaster-provider", target.provider());
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** One stream's relay loop; its fields say how it ended. */
    private static final class StreamRun {

        private final OutboundStream upstream;
        private final Relay relay;
        private final SseWriter client;
        private final String key;
        private final int maxEventBytes;
        private final String errorType;
        private boolean clientGone;
        private long firstEvent;

        StreamRun(OutboundStream upstream, Relay relay, SseWriter client, String key, int maxEventBytes, String errorType) {
            this.upstream = upstream;
            this.relay = relay;
            this.client = client;
            this.key = key;
            this.maxEventBytes = maxEventBytes;
            this.errorType = errorType;
        }

        void relay() {
            SseReader reader = new SseReader(upstream.body(), maxEventBytes);
            try {
                for (SseEvent event = reader.next(); event != null; event = reader.next()) {
                    if (!send(relay.onEvent(event))) {
                        return;
                    }
                }
                send(relay.finished() ? relay.onEnd()
                        : relay.onError(errorType, "the upstream ended the stream before the answer was complete"));
            } catch (StreamError e) {
                send(relay.onError(e.type() != null ? e.type() : errorType, Redaction.scrub(e.getMessage(), key)));
            } catch (IOException | RuntimeException e) {
                String cause = upstream.expired().map(d -> "the upstream exceeded the " + d + " timeout")
                        .orElse("the upstream stream broke off");
                send(relay.onError(errorType, cause));
            }
        }

        /** Sends events to the client; false (and the upstream cut) when the client has gone. */
        private boolean send(List<SseEvent> events) {
            if (clientGone) {
                return false;
            }
            try {
                if (firstEvent == 0 && !events.isEmpty()) {
                    firstEvent = System.nanoTime();
                }
                client.send(events);
                return true;
            } catch (IOException e) {
                clientGone = true;
                upstream.abort();
                return false;
            }
        }
    }
}
