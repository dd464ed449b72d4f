package dev.quartermaster.gateway.gemini;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini's {@code usageMetadata} in the one normalisation. {@code promptTokenCount} already
 * includes {@code cachedContentTokenCount}; {@code toolUsePromptTokenCount} (prompts of Gemini's
 * built-in tools, billed as input) is added to it. Output is {@code candidatesTokenCount} plus
 * {@code thoughtsTokenCount}, since Gemini counts thinking apart while OpenAI counts reasoning
 * inside completion tokens. A count Gemini leaves out stays null.
 */
final class GeminiUsage {

    private GeminiUsage() {
    }

    static Usage of(JsonNode metadata) {
        if (metadata == null || !metadata.isObject()) {
            return Usage.NONE;
        }
        Long thoughts = Json.count(metadata, "thoughtsTokenCount");
        return new Usage(sum(Json.count(metadata, "promptTokenCount"), Json.count(metadata, "toolUsePromptTokenCount")),
                Json.count(metadata, "cachedContentTokenCount"), null,
                sum(Json.count(metadata, "candidatesTokenCount"), thoughts), thoughts, metadata);
    }

    /** OpenAI's {@code usage} object for {@code usage}; counts not reported are left out. */
    static ObjectNode json(Usage usage) {
        ObjectNode json = Json.object();
        putCount(json, "prompt_tokens", usage.input());
        putCount(json, "completion_tokens", usage.output());
        if (usage.input() != null && usage.output() != null) {
            json.put("total_tokens", usage.input() + usage.output());
        }
        if (usage.cachedInput() != null) {
            json.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedInput());
        }
        if (usage.reasoning() != null) {
            json.putObject("completion_tokens_details").put("reasoning_tokens", usage.reasoning());
        }
        return json;
    }

    private static void putCount(ObjectNode json, String field, Long count) {
        if (count != null) {
            json.put(field, count);
        }
    }

    /** The sum of the counts reported; null when neither is. */
    private static Long sum(Long first, Long second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return first + second;
    }
}
