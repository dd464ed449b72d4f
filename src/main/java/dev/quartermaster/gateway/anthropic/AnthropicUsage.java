package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's usage both ways. Its {@code input_tokens} excludes cache reads and cache writes; the
 * hub's {@code prompt_tokens} includes them, with the reads as {@code cached_tokens}.
 */
final class AnthropicUsage {

    private AnthropicUsage() {
    }

    /** Anthropic's usage object normalised; counts it lacks stay null (a {@code message_delta} often has only output). */
    static Usage of(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.NONE;
        }
        Long input = Json.count(usage, "input_tokens");
        Long reads = Json.count(usage, "cache_read_input_tokens");
        Long writes = Json.count(usage, "cache_creation_input_tokens");
        Long total = input == null ? null : input + zero(reads) + zero(writes);
        return new Usage(total, reads, writes, Json.count(usage, "output_tokens"), null, usage);
    }

    /** The hub's usage object (OpenAI's), absent counts left out. */
    static ObjectNode openAi(Usage usage) {
        ObjectNode node = Json.object();
        if (usage.input() != null) {
            node.put("prompt_tokens", usage.input());
        }
        if (usage.output() != null) {
            node.put("completion_tokens", usage.output());
        }
        if (usage.input() != null && usage.output() != null) {
            node.put("total_tokens", usage.input() + usage.output());
        }
        if (usage.cachedInput() != null) {
            node.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedInput());
        }
        return node;
    }

    /** Anthropic's usage object for the hub's usage: input without the cache reads. */
    static ObjectNode anthropic(JsonNode hubUsage) {
        ObjectNode node = Json.object();
        Long prompt = Json.count(hubUsage, "prompt_tokens");
        Long cached = Json.count(hubUsage == null ? null : hubUsage.get("prompt_tokens_details"), "cached_tokens");
        if (prompt != null) {
            node.put("input_tokens", prompt - zero(cached));
        }
        if (cached != null) {
            node.put("cache_read_input_tokens", cached);
        }
        Long output = Json.count(hubUsage, "completion_tokens");
        if (output != null) {
            node.put("output_tokens", output);
        }
        return node;
    }

    private static long zero(Long count) {
        return count == null ? 0 : count;
    }
}
