package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic's usage object read into the normalised {@link Usage}, and that written as the hub's usage object. */
final class AnthropicUsage {

    private AnthropicUsage() {
    }

    /**
     * Anthropic's {@code input_tokens} leaves out cache reads and writes; the hub's input includes them.
     * Without {@code input_tokens} the input is unknown, whatever cache counts came with it.
     */
    static Usage normalise(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.NONE;
        }
        Long uncached = Json.count(usage, "input_tokens");
        Long cacheRead = Json.count(usage, "cache_read_input_tokens");
        Long cacheWrite = Json.count(usage, "cache_creation_input_tokens");
        Long input = uncached == null ? null : uncached + zeroIfNull(cacheRead) + zeroIfNull(cacheWrite);
        return new Usage(input, cacheRead, cacheWrite, Json.count(usage, "output_tokens"), null, usage);
    }

    /** The hub's {@code usage}: counts not reported are left out, never written as 0. */
    static ObjectNode chatUsage(Usage usage) {
        ObjectNode out = Json.object();
        if (usage.input() != null) {
            out.put("prompt_tokens", usage.input());
        }
        if (usage.output() != null) {
            out.put("completion_tokens", usage.output());
        }
        if (usage.input() != null && usage.output() != null) {
            out.put("total_tokens", usage.input() + usage.output());
        }
        if (usage.cachedInput() != null) {
            out.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedInput());
        }
        return out;
    }

    private static long zeroIfNull(Long count) {
        return count == null ? 0 : count;
    }
}
