package dev.quartermaster.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * What is wrong with a request that the container or the firewall refused before any controller
 * ran, said in the surface's words: which part (the path, the query, the headers) and why. Reads
 * the target as sent (still %-escaped) and never echoes it.
 */
public final class RejectedRequests {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String MUST_BE_ENCODED = " \"<>\\^`{|}#";

    private RejectedRequests() {
    }

    /** For the security firewall's refusals: an unknown method, or a path it will not route. */
    public static ApiProblem problem(HttpServletRequest request) {
        if (!METHODS.contains(request.getMethod())) {
            return new ApiProblem(405, "Method not allowed", "method " + printable(request.getMethod())
                    + " is not supported: use one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        }
        String reason = pathReason(request.getRequestURI());
        return ApiException.invalid("path", reason != null ? reason
                : "is not a path this server accepts (encoded slashes, dots or control characters)").problem();
    }

    /**
     * For the container's own refusals, by the status it chose; the path and query as sent, either
     * may be empty. Without {@code lineRead} (or without a path) the request line itself could not
     * be read, and then the path's surface may not be known either.
     */
    static ApiProblem forStatus(int status, String rawPath, String rawQuery, boolean lineRead) {
        if (status == 400 && (!lineRead || rawPath == null || rawPath.isEmpty())) {
            return ApiException.invalid("path", "the request line could not be read: the path has characters that "
                    + "must be %-encoded (a space, a backslash, '#', a non-ASCII byte, …), or the line is malformed")
                    .problem();
        }
        if (status == 400) {
            String path = pathReason(rawPath);
            String query = queryReason(rawQuery);
            return path != null ? ApiException.invalid("path", path).problem()
                    : query != null ? ApiException.invalid("query", query).problem()
                    : ApiException.invalid("headers", "a header is malformed or missing (Host), or the headers are "
                            + "larger than the server accepts").problem();
        }
        if (status == 505) {
            return new ApiProblem(505, "HTTP version not supported", "this server speaks HTTP/1.1 (and HTTP/1.0)");
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        return new ApiProblem(status, title, status >= 500 ? "the server could not complete the request"
                : "the request was refused before it reached the application");
    }

    /** Why a path as sent is refused, or null when nothing is wrong with its characters. */
    static String pathReason(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String common = encodingReason(raw);
        if (common != null) {
            return common;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            return "has an encoded slash or backslash (%2F, %5C)";
        }
        if (raw.contains("//")) {
            return "has an empty segment ('//'): a value such as an id is missing from the path";
        }
        if (lower.contains("%2e") || raw.contains("/./") || raw.contains("/../") || raw.endsWith("/.")
                || raw.endsWith("/..")) {
            return "has '.' or '..' segments or an encoded dot (%2E)";
        }
        if (lower.contains("%25")) {
            return "has an encoded % (%25)";
        }
        if (raw.indexOf(';') >= 0 || lower.contains("%3b")) {
            return "has a ';' (path parameters are not accepted)";
        }
        return null;
    }

    /** Why a query string as sent is refused, or null when it decodes cleanly. */
    static String queryReason(String raw) {
        return raw == null || raw.isEmpty() ? null : encodingReason(raw);
    }

    private static String encodingReason(String raw) {
        byte[] decoded = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            String wrong = characterReason(c);
            if (wrong != null) {
                return wrong;
            }
            if (c != '%') {
                decoded[n++] = (byte) c;
                continue;
            }
            int b = i + 2 < raw.length() ? hex(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
            if (b < 0) {
                return "has a malformed %-escape (a % must be followed by two hex digits)";
            }
            if (b < 0x20 || b == 0x7f) {
                return "contains a NUL or control character (%00 to %1F, %7F)";
            }
            decoded[n++] = (byte) b;
            i += 2;
        }
        return utf8(decoded, n) ? null : "is not valid UTF-8 once its %-escapes are decoded";
    }

    private static String characterReason(char c) {
        if (c < 0x20 || c == 0x7f) {
            return "contains a NUL or control character";
        }
        if (c > 0x7e || MUST_BE_ENCODED.indexOf(c) >= 0) {
            return "has characters that must be %-encoded (a space, a backslash, a non-ASCII byte, …)";
        }
        return null;
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static boolean utf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String printable(String method) {
        return method.length() <= 20 && method.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? method : "(this one)";
    }
}
