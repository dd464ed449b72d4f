package dev.quartermaster.identity.authentication;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What a request presents to prove who it is; every surface accepts every kind. */
public sealed interface Credentials {

    record None() implements Credentials {
    }

    record ApiKey(String key) implements Credentials {

        @Override
        public String toString() {
            return "ApiKey[****]";
        }
    }

    record Jwt(String token) implements Credentials {

        @Override
        public String toString() {
            return "Jwt[****]";
        }
    }

    record Basic(String username, String password) implements Credentials {

        @Override
        public String toString() {
            return "Basic[" + username + ", ****]";
        }
    }

    /** A credential header we cannot read; it counts as a failed attempt. */
    record Malformed() implements Credentials {
    }

    static Credentials of(HttpServletRequest request) {
        String apiKey = request.getHeader("X-Api-Key");
        if (apiKey != null && !apiKey.isBlank()) {
            return new ApiKey(apiKey.strip());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return new None();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return new ApiKey(value);
        }
        String scheme = value.substring(0, space);
        String rest = value.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer") && !rest.isEmpty()) {
            return looksLikeJwt(rest) ? new Jwt(rest) : new ApiKey(rest);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(rest);
        }
        return new Malformed();
    }

    private static boolean looksLikeJwt(String token) {
        return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
    }

    private static Credentials basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? new Malformed() : new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return new Malformed();
        }
    }
}
