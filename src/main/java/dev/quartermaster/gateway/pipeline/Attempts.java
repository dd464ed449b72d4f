package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.egress.Egress;
import dev.quartermaster.egress.EgressException;
import dev.quartermaster.egress.OutboundStream;
import dev.quartermaster.egress.StreamTimeouts;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import dev.quartermaster.providers.Redaction;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The upstream attempts of one call, all before the first byte reaches the client: retried on
 * connection errors, 408, 429, 5xx and 529 with jittered, doubling pauses (or the upstream's
 * {@code Retry-After}, if it is within the cap), up to {@code qm.gateway.attempts}. Attempt n goes
 * to the n-th target of the route when it has several, else to the same one again. A non-retryable
 * answer, or the last, is the client's error, its message redacted of the key.
 */
@Component
class Attempts {

    /** An attempt whose answer began: the open stream, its target and exchange. */
    record Opened(OutboundStream stream, Target target, Exchange exchange) {
    }

    private final Egress egress;
    private final GatewayProperties properties;

    Attempts(Egress egress, GatewayProperties properties) {
        this.egress = egress;
        this.properties = properties;
    }

    Opened open(List<Target> targets, Function<Target, Exchange> exchanges, AttemptListener listener) {
        StreamTimeouts timeouts = new StreamTimeouts(properties.firstByte(), properties.idle(), properties.total());
        RuntimeException last = null;
        for (int attempt = 0; attempt < properties.attempts(); attempt++) {
            Target target = targets.get(Math.min(attempt, targets.size() - 1));
            listener.attempting(target);
            Long retryAfter = null;
            long started = System.nanoTime();
            int status = 0;
            boolean called = false;
            try {
                Exchange exchange = exchanges.apply(target);
                called = true;
                OutboundStream stream = egress.open(exchange.request(target.endpoint()), timeouts);
                status = stream.status();
                if (stream.status() < 300) {
                    listener.answered(attempt + 1, target, status, Duration.ofNanos(System.nanoTime() - started));
                    return new Opened(stream, target, exchange);
                }
                retryAfter = stream.header("retry-after").map(Attempts::seconds).orElse(null);
                last = refusal(stream, target, exchange, retryAfter);
                if (!retryable(stream.status())) {
                    throw last;
                }
            } catch (EgressException e) {
                last = GatewayErrors.unreachable(target.provider(), Redaction.scrub(e.getMessage(), target.endpoint().apiKey()),
                        e.kind() == EgressException.Kind.TIMEOUT);
                if (e.kind() == EgressException.Kind.REFUSED || e.kind() == EgressException.Kind.INVALID_URL) {
                    throw last;
                }
            } catch (WireException e) {
                throw GatewayErrors.invalid(e.param(), e.getMessage());
            } finally {
                if (called && (status == 0 || status >= 300)) {
                    listener.answered(attempt + 1, target, status, Duration.ofNanos(System.nanoTime() - started));
                }
            }
            if (attempt + 1 < properties.attempts() && !pause(attempt, retryAfter)) {
                break;
            }
        }
        throw last;
    }

    private RuntimeException refusal(OutboundStream stream, Target target, Exchange exchange, Long retryAfter) {
        try (stream) {
            String body = stream.readCapped();
            String message = parsedMessage(body, exchange).orElse(body.isBlank() ? "(no message)" : body);
            return GatewayErrors.upstream(stream.status(), target.provider(),
                    Redaction.scrub(message, target.endpoint().apiKey()), stream.status() == 429 ? retryAfter : null);
        } catch (IOException e) {
            return GatewayErrors.upstream(stream.status(), target.provider(), "(the error body could not be read)", null);
        }
    }

    private static Optional<String> parsedMessage(String body, Exchange exchange) {
        try {
            JsonNode parsed = Json.MAPPER.readTree(body);
            return exchange.errorMessage(parsed);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** Sleeps before the next attempt; false when the upstream asked for a longer wait than the cap. */
    private boolean pause(int attempt, Long retryAfterSeconds) {
        long millis;
        if (retryAfterSeconds != null) {
            if (retryAfterSeconds * 1000 > properties.retryAfterCap().toMillis()) {
                return false;
            }
            millis = retryAfterSeconds * 1000;
        } else {
            long base = properties.backoff().toMillis() << Math.min(attempt, 10);
            millis = base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
        }
        try {
            Thread.sleep(Duration.ofMillis(millis));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code Retry-After} as seconds: a number, or an HTTP date; null if neither. */
    static Long seconds(String value) {
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(), at).toSeconds());
            } catch (RuntimeException unparsable) {
                return null;
            }
        }
    }

    /**
     * Told of each attempt's target before it is made, so the response headers name the one that
     * answered, and of how it ended (status 0: no answer), for the ledger.
     */
    interface AttemptListener {
        void attempting(Target target);

        void answered(int number, Target target, int status, Duration latency);
    }
}
