package dev.quartermaster.gateway.metering;

import dev.quartermaster.gateway.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upper bounds of a request's tokens, from the hub request alone. Input: the UTF-8 bytes of every
 * text (a token is at least one byte), plus {@value #PER_MESSAGE} per message, plus the tools and
 * the response format as JSON, plus each image by its provider's largest count, capped at the
 * model's context window. Output: {@code max_completion_tokens} or {@code max_tokens}, clamped to
 * the context window, or the default when absent, always set on the request so the bound is sent.
 */
final class Bounds {

    static final int PER_MESSAGE = 8;
    private static final int PER_REQUEST = 16;
    /** The most tokens one image can cost, per provider: OpenAI's high detail, Anthropic's 1.15 MP, Gemini's tiles. */
    private static final Map<String, Long> IMAGE_TOKENS = Map.of("anthropic", 1_600L, "gemini", 1_806L);
    private static final long DEFAULT_IMAGE_TOKENS = 1_445L;
    private static final Set<String> IMAGE_PARTS = Set.of("image_url", "image", "input_image");
    private static final Set<String> AS_JSON = Set.of("tools", "functions", "response_format", "tool_choice");

    private Bounds() {
    }

    static long input(ObjectNode chat, String provider, Integer contextWindow) {
        long tokens = PER_REQUEST;
        long image = IMAGE_TOKENS.getOrDefault(provider, DEFAULT_IMAGE_TOKENS);
        for (JsonNode message : chat.path("messages")) {
            tokens += PER_MESSAGE + text(message, image);
        }
        tokens += text(chat.path("input"), image);   // embeddings
        for (String field : AS_JSON) {
            if (chat.hasNonNull(field)) {
                tokens += utf8(Json.write(chat.get(field)));
            }
        }
        return contextWindow == null ? tokens : Math.min(tokens, contextWindow);
    }

    /** Sets the request's output bound and returns it. */
    static long output(ObjectNode chat, Integer contextWindow, int defaultMaxTokens) {
        String field = chat.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        JsonNode asked = chat.get(field);
        long cap = contextWindow == null ? Long.MAX_VALUE : contextWindow;
        long bound;
        if (asked == null || asked.isNull()) {
            bound = Math.min(defaultMaxTokens, cap);
        } else if (asked.canConvertToLong() && asked.isIntegralNumber() && asked.longValue() > 0) {
            bound = Math.min(asked.longValue(), cap);
        } else {
            throw new BoundException(field, "must be a positive integer");
        }
        chat.put(field, bound);
        return bound;
    }

    /** Bytes of every string in a message (or an embeddings input), an image counted by its provider's rule. */
    private static long text(JsonNode node, long imageTokens) {
        if (node.isString()) {
            return utf8(node.stringValue());
        }
        if (node.isIntegralNumber()) {
            return 1;   // one token of a pre-tokenised embeddings input
        }
        if (node.isObject() && IMAGE_PARTS.contains(node.path("type").asString(""))) {
            return imageTokens;
        }
        long total = 0;
        for (JsonNode child : node) {
            total += text(child, imageTokens);
        }
        return total;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A request field that cannot bound the call. */
    static final class BoundException extends RuntimeException {

        final String field;

        BoundException(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
