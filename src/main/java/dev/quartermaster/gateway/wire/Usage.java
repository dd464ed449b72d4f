package dev.quartermaster.gateway.wire;

import tools.jackson.databind.JsonNode;

/**
 * Token counts of one call, normalised one way for every provider: {@code input} includes cached
 * input and cache writes; {@code cachedInput}, {@code cacheWrite} and {@code reasoning} are kept
 * apart ({@code reasoning} is part of {@code output}). A count the upstream did not report is null,
 * never 0. {@code raw} is the provider's own usage object, kept for metering.
 */
public record Usage(Long input, Long cachedInput, Long cacheWrite, Long output, Long reasoning, JsonNode raw) {

    public static final Usage NONE = new Usage(null, null, null, null, null, null);

    public boolean reported() {
        return input != null || output != null;
    }

    /** This usage with the counts {@code later} reports replacing these (streams report in parts). */
    public Usage merge(Usage later) {
        return new Usage(pick(later.input, input), pick(later.cachedInput, cachedInput), pick(later.cacheWrite, cacheWrite),
                pick(later.output, output), pick(later.reasoning, reasoning), later.raw != null ? later.raw : raw);
    }

    private static Long pick(Long later, Long earlier) {
        return later != null ? later : earlier;
    }
}
