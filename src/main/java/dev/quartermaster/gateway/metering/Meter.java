package dev.quartermaster.gateway.metering;

import dev.quartermaster.gateway.metering.rates.Admission;
import dev.quartermaster.gateway.metering.rates.RateLimits;
import dev.quartermaster.gateway.pipeline.CallPlan;
import dev.quartermaster.gateway.pipeline.GatewayErrors;
import dev.quartermaster.gateway.pipeline.Inbound;
import dev.quartermaster.gateway.pipeline.Metering;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.Usage;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's metering: before a call, its upper bound is reserved on every budget that binds it.
 * A caller under no rate limit is admitted in memory on this process's budget lease
 * ({@link Leases}; a statement only when the lease must grow); one under rate limits is admitted
 * and reserved in one statement ({@code qm_admit_and_reserve}), since those counters are shared
 * call by call. After the call, one ledger row per attempt is written at the reservation's price
 * and the reservation released, in batches off the request's thread ({@link Settlements}).
 */
@Service
@EnableConfigurationProperties(MeteringProperties.class)
class Meter implements Metering {

    private final MeterStore store;
    private final RateLimits rates;
    private final MeteringProperties properties;
    private final Settlements settlements;
    private final Leases leases;
    private final Prices prices;

    Meter(MeterStore store, RateLimits rates, MeteringProperties properties, Settlements settlements, Leases leases,
          Prices prices) {
        this.store = store;
        this.rates = rates;
        this.properties = properties;
        this.settlements = settlements;
        this.leases = leases;
        this.prices = prices;
    }

    /**
     * A reservation held: its bounds, for an estimate when the upstream never reports usage; for a
     * call admitted on a lease, its part of it and its record (null otherwise).
     */
    private record Held(CallPlan plan, long inputTokens, long outputTokens, Leases.Hold hold, ObjectNode record)
            implements Reservation {
    }

    @Override
    public Reservation reserve(CallPlan plan, HttpServletResponse response) {
        MeterStore.Request request = request(plan);
        if (!rates.limited(plan.caller().tier(), plan.apiKeyId())) {
            return onLease(plan, request);
        }
        MeterStore.Admitted admitted = store.admitAndReserve(request, tokens(request), rates.admissionSeconds());
        Admission admission = admitted.admission();
        admission.applyHeaders(response, plan.inbound().anthropic());
        if (!admission.admitted()) {
            throw admission.refusal();
        }
        refuseUnlessOk(admitted.reserved());   // the statement gave the rate-limit slot back if the budgets refused
        return new Held(plan, request.inputTokens(), request.outputTokens(), null, null);
    }

    /** The bound priced from memory and held on the user's lease; its record goes to the database after. */
    private Reservation onLease(CallPlan plan, MeterStore.Request request) {
        if (settlements.failing()) {
            throw DatabaseUnavailable.exception();   // fail closed: nothing admitted that could not be settled now
        }
        Optional<Prices.Price> price = prices.of(request.modelId());
        if (price.isEmpty() && request.managed()) {
            refuseUnlessOk(new MeterStore.Reserved("no_price", 0, null, null, null, null));
        }
        long amount = price.map(p -> p.boundNano(request.inputTokens(), request.outputTokens())).orElse(0L);
        Leases.Hold hold = leases.hold(request.userId(), request.managed(), amount);
        if (hold.refusal() != null) {
            refuseUnlessOk(hold.refusal());
        }
        ObjectNode record = record(request, amount, price.orElse(null), hold.lease());
        settlements.submit(new Settlements.Hold(record));
        return new Held(plan, request.inputTokens(), request.outputTokens(), hold, record);
    }

    /** The call's reservation row, as {@code qm_hold} writes it. */
    private static ObjectNode record(MeterStore.Request r, long amount, Prices.Price price, Leases.Lease lease) {
        ObjectNode record = Json.MAPPER.createObjectNode().put("request_id", r.requestId())
                .put("user_id", r.userId().toString()).put("managed", r.managed()).put("amount_nano", amount)
                .put("input_tokens", r.inputTokens()).put("output_tokens", r.outputTokens()).put("model", r.model())
                .put("provider", r.provider()).put("key_source", r.keySource()).put("streamed", r.streamed())
                .put("lease_id", lease.id().toString()).put("day", lease.day().toString())
                .put("month", lease.day().withDayOfMonth(1).toString());
        if (r.apiKeyId() != null) {
            record.put("api_key_id", r.apiKeyId().toString());
        }
        if (r.profileId() != null) {
            record.put("profile_id", r.profileId().toString());
        }
        if (price != null) {
            record.put("pricing_entry_id", price.entryId().toString()).put("pricing_version", price.version());
        }
        return record;
    }

    @Override
    public Quote quote(CallPlan plan) {
        MeterStore.Request request = request(plan);
        Admission admission = rates.check(request.userId(), plan.apiKeyId(), tokens(request), plan.stream());
        MeterStore.Reserved reserved = store.reserve(request, true);
        String outcome = reserved.outcome();
        String detail = null;
        try {
            if (!admission.admitted()) {
                outcome = "rate_limited";
                throw admission.refusal();
            }
            refuseUnlessOk(reserved);
        } catch (ApiException refused) {
            detail = refused.problem().detail();
        }
        return new Quote(reserved.amountNano(), request.inputTokens(), request.outputTokens(), outcome, detail);
    }

    private static long tokens(MeterStore.Request request) {
        return request.inputTokens() + request.outputTokens();
    }

    @Override
    public void settle(Reservation reservation, CallResult result) {
        Held held = (Held) reservation;
        CallPlan plan = held.plan();
        ArrayNode rows = rows(held, result);
        settlements.submit(new Settlements.Settlement(plan.withoutBody(), result, rows, usedTokens(rows), held.hold(),
                held.record()));
    }

    private MeterStore.Request request(CallPlan plan) {
        ObjectNode chat = plan.chat();
        Integer window = plan.model().contextWindow();
        long input;
        long output;
        try {
            input = Bounds.input(chat, plan.payer().provider(), window);
            output = plan.inbound() == Inbound.EMBEDDINGS ? 0 : Bounds.output(chat, window, properties.defaultMaxTokens());
        } catch (Bounds.BoundException e) {
            throw GatewayErrors.invalid(e.field, e.getMessage());
        }
        CallPlan.Payer payer = plan.payer();
        return new MeterStore.Request(plan.requestId(), plan.caller().userId(), plan.model().id(), payer.managed(), input,
                output, properties.reservationExpiry().toSeconds(), plan.apiKeyId(), plan.model().value(), payer.provider(),
                payer.profileId(), payer.keySource(), plan.stream());
    }

    /** The ledger rows of a call: one per attempt; the answering attempt carries usage, or an estimate. */
    private static ArrayNode rows(Held held, CallResult result) {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        List<Attempt> attempts = result.attempts();
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            boolean last = i == attempts.size() - 1;
            ObjectNode row = rows.addObject()
                    .put("attempt", attempt.number())
                    .put("provider", attempt.provider())
                    .put("profile_id", attempt.profileId().toString())
                    .put("key_source", attempt.keySource())
                    .put("status", attempt.status())
                    .put("latency_ms", millis(last ? result.latency() : attempt.latency()))
                    .put("final", last);
            if (last && attempt.status() > 0 && attempt.status() < 300) {
                usage(row, held, result);
            }
        }
        return rows;
    }

    /**
     * Usage as reported; when the upstream never said, or the client left before the end, an
     * estimate: the full input bound and the output relayed so far (its bytes, a token being at least one).
     */
    private static void usage(ObjectNode row, Held held, CallResult result) {
        Usage usage = result.usage();
        if (result.firstToken() != null) {
            row.put("ttft_ms", millis(result.firstToken()));
        }
        boolean partial = !result.completed() || !usage.reported();
        Long input = usage.input();
        Long output = usage.output();
        if (partial) {
            input = input != null ? input : held.inputTokens();
            long relayed = result.streamed() ? result.outputBytes() : held.outputTokens();
            output = Math.max(output != null ? output : 0, relayed);
            row.put("estimated", true);
        }
        put(row, "input_tokens", input);
        put(row, "cached_input_tokens", usage.cachedInput());
        put(row, "cache_write_tokens", usage.cacheWrite());
        put(row, "output_tokens", output);
        put(row, "reasoning_tokens", usage.reasoning());
        if (usage.raw() != null) {
            row.set("raw_usage", usage.raw());
        }
    }

    /** What the call used, for the rate limits: the answering attempt's input and output. */
    private static long usedTokens(ArrayNode rows) {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).path("input_tokens").asLong(0)
                + rows.get(rows.size() - 1).path("output_tokens").asLong(0);
    }

    private static void put(ObjectNode row, String field, Long value) {
        if (value != null) {
            row.put(field, value);
        }
    }

    private static long millis(Duration duration) {
        return duration == null ? 0 : duration.toMillis();
    }

    private void refuseUnlessOk(MeterStore.Reserved reserved) {
        Refusals.refuseUnlessOk(reserved, properties.inFlightRetryAfter());
    }
}
