package dev.quartermaster.providers.protocol;

import java.util.regex.Pattern;

/**
 * Strips credentials from text a provider sent back before it is shown: the key itself, and
 * anything shaped like a key, since some providers echo a partly masked key in their errors.
 */
public final class Redaction {

    private static final Pattern KEY_LIKE = Pattern.compile(
            "(sk-[A-Za-z0-9_*\\-]{4,}|AIza[0-9A-Za-z_\\-]{8,}|[A-Za-z0-9_\\-]*\\*{3,}[A-Za-z0-9_\\-*]*)");
    private static final int MAX_LENGTH = 300;

    private Redaction() {
    }

    public static String scrub(String text, String key) {
        if (text == null) {
            return null;
        }
        String clean = text;
        if (key != null && key.length() >= 4) {
            clean = clean.replace(key, "[redacted]");
        }
        clean = KEY_LIKE.matcher(clean).replaceAll("[redacted]").strip();
        return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) + "…" : clean;
    }
}
