package dev.quartermaster.providers;

/**
 * Strips credentials from text a provider sent back before anything sees it: the key itself, and
 * anything shaped like a key, since some providers echo a partly masked key in their errors. The
 * text is cut to a bounded length before any matching, and key-shaped text is found by one pass
 * over the words (no regular expression, so nothing to backtrack): a hostile megabyte of error
 * costs no more than a short one, and a short one costs time linear in its length.
 */
public final class Redaction {

    private static final String REDACTED = "[redacted]";
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
            clean = clean.replace(key, REDACTED);
        }
        clean = redactKeyLike(clean).strip();
        return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) + "…" : clean;
    }

    /**
     * {@code text} with every key-shaped word replaced whole. A word is a run of letters, digits,
     * {@code _}, {@code -} and {@code *}; it is key-shaped when it holds {@code sk-} followed by at
     * least four word characters, {@code AIza} followed by at least eight (no {@code *}), or three
     * {@code *} in a row (a masked key). Each character is read a bounded number of times.
     */
    static String redactKeyLike(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!wordChar(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            while (end < text.length() && wordChar(text.charAt(end))) {
                end++;
            }
            if (keyShaped(text, i, end)) {
                out.append(REDACTED);
            } else {
                out.append(text, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean keyShaped(CharSequence text, int start, int end) {
        int stars = 0;
        boolean openAi = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            stars = c == '*' ? stars + 1 : 0;
            if (stars == 3) {
                return true;
            }
            if (!openAi && c == 's' && startsWith(text, i, end, "sk-")) {
                // the first sk- has the most characters after it
                openAi = true;
                if (end - (i + 3) >= 4) {
                    return true;
                }
            }
            if (c == 'A' && startsWith(text, i, end, "AIza") && run(text, i + 4, end, 8) >= 8) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(CharSequence text, int at, int end, String prefix) {
        if (end - at < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** How many characters other than {@code *} follow from {@code at}, counting up to {@code enough}. */
    private static int run(CharSequence text, int at, int end, int enough) {
        int n = 0;
        while (n < enough && at + n < end && text.charAt(at + n) != '*') {
            n++;
        }
        return n;
    }

    private static boolean wordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                || c == '*';
    }
}
