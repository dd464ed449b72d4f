package dev.quartermaster.gateway.usage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of the request log ends: the last row's time and id (the log is newest first, ties
 * broken by id), opaque to clients as base64url.
 */
public record RequestCursor(Instant createdAt, long id) {

    public String encoded() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "," + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a page answered with; anything else is an {@link IllegalArgumentException}. */
    public static RequestCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int comma = plain.indexOf(',');
            return new RequestCursor(Instant.parse(plain.substring(0, comma)), Long.parseLong(plain.substring(comma + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor of this log", e);
        }
    }
}
