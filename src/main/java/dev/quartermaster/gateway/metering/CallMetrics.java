package dev.quartermaster.gateway.metering;

import dev.quartermaster.gateway.pipeline.CallPlan;
import dev.quartermaster.gateway.pipeline.Metering;
import dev.quartermaster.gateway.wire.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Prometheus meters of gateway calls, named after OpenTelemetry's GenAI conventions where they fit
 * ({@code gen_ai.client.token.usage}, {@code gen_ai.client.operation.duration},
 * {@code gen_ai.server.time_to_first_token}), tagged by provider, model and key source, never by
 * user. Cost counts nano-USD (exact up to 2^53, about 9 million USD, per series); the ledger is
 * the account of record.
 */
@Component
class CallMetrics {

    private final MeterRegistry registry;

    CallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(CallPlan plan, Metering.CallResult result, Long costNano) {
        String provider = result.attempts().isEmpty() ? plan.payer().provider() : result.attempts().getLast().provider();
        String keySource = result.attempts().isEmpty() ? plan.payer().keySource() : result.attempts().getLast().keySource();
        Tags tags = Tags.of("gen_ai.provider.name", provider, "gen_ai.request.model", plan.model().value(),
                "key_source", keySource, "gen_ai.operation.name", plan.inbound().name().toLowerCase(java.util.Locale.ROOT));
        Counter.builder("quartermaster.gateway.requests").description("gateway calls, by how they ended")
                .tags(tags.and("outcome", outcome(result))).register(registry).increment();
        Timer.builder("gen_ai.client.operation.duration").description("a whole gateway call")
                .tags(tags).register(registry).record(result.latency());
        if (result.firstToken() != null && result.streamed()) {
            Timer.builder("gen_ai.server.time_to_first_token").description("until the first event reached the client")
                    .tags(tags).register(registry).record(result.firstToken());
        }
        if (costNano != null) {
            Counter.builder("quartermaster.gateway.cost").baseUnit("nano_usd").description("what calls cost, as settled")
                    .tags(tags).register(registry).increment(costNano);
        }
        Usage usage = result.usage();
        tokens(tags, "input", usage.input());
        tokens(tags, "output", usage.output());
    }

    private void tokens(Tags tags, String type, Long count) {
        if (count != null) {
            DistributionSummary.builder("gen_ai.client.token.usage").description("tokens per call, as the provider reported")
                    .baseUnit("tokens").tags(tags.and("gen_ai.token.type", type)).register(registry).record(count);
        }
    }

    private static String outcome(Metering.CallResult result) {
        if (result.clientGone()) {
            return "client_gone";
        }
        if (result.completed()) {
            return "completed";
        }
        return result.status() == 0 ? "unreachable" : result.status() < 300 ? "broken" : "error";
    }
}
