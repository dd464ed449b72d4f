package dev.quartermaster.gateway.gemini;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tool-call ids for Gemini, which gives its function calls none. An id is {@code call_} and 24
 * random letters; when the call came with a {@code thoughtSignature} (Gemini 3 refuses a replayed
 * function call without it), the signature rides in the id as {@code _ts_} + base64url, because
 * the id is the one thing every client echoes back unchanged and the gateway keeps no state.
 * Only {@code [A-Za-z0-9_-]} is used, so the id is also a valid Anthropic {@code tool_use} id.
 */
final class ToolCallIds {

    private static final String PREFIX = "call_";
    private static final String SIGNATURE = "_ts_";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ToolCallIds() {
    }

    /** A fresh id carrying {@code signature} (Gemini's base64 bytes), or a plain one when it is null or not base64. */
    static String create(String signature) {
        String id = PREFIX + random(24);
        byte[] bytes = decode(signature, Base64.getDecoder());
        return bytes == null ? id : id + SIGNATURE + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The thought signature an id of ours carries, as Gemini's base64; null for any other id. */
    static String signature(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return null;
        }
        int at = id.indexOf(SIGNATURE, PREFIX.length());
        byte[] bytes = at < 0 ? null : decode(id.substring(at + SIGNATURE.length()), Base64.getUrlDecoder());
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    /** A completion id for an answer that came without {@code responseId}. */
    static String completionId() {
        return "chatcmpl-" + random(29);
    }

    static String random(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return out.toString();
    }

    private static byte[] decode(String text, Base64.Decoder decoder) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return decoder.decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
