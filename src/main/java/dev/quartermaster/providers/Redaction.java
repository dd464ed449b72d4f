package dev.quartermaster.providers;

import java.util.regex.Pattern;

/**
 * Strips credentials from text a provider sent back before anything sees it: the key itself, and
 * anything shaped like a key, since some providers echo a partly masked key in their errors. The
 * text is cut to a bounded length before any matching, and the patterns are possessive, so a
 * hostile megabyte of error costs no more than a short one.
 */
public final class Redaction {

    private static final Pattern KEY_LIKE = Pattern.compile(
            "sk-[A-Za-z0-9_*\\-]{4,}+|AIza[0-9A-Za-z_\\-]{8,}+|[A-Za-z0-9_\\-]*+\\*{3,}+[A-Za-z0-9_\\-*]*+");
    private static final int MAX_LENGTH = 300;
    private static final int SCAN_LENGTH = 4 * MAX_LENGTH;

    private Redaction() {
    }

    public static String scrub(String text, String key) {
        if (text == null) {
            return null;
        }
        // cut with a margin first, so a key that straddles the final cut is still whole when matched
        String clean = text.length() > SCAN_LENGTH ? text.substring(0, SCAN_LENGTH) : text;
        if (key != null && key.length() >= 4) {
            clean = clean.replace(key, "[redacted]");
        }
        clean = redactKeyLike(clean).strip();
        return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) + "…" : clean;
    }

    /** Every key-shaped token in {@code text} replaced; read through {@link CharSequence} so tests can count the work. */
    static String redactKeyLike(CharSequence text) {
        return KEY_LIKE.matcher(text).replaceAll("[redacted]");
    }
}
