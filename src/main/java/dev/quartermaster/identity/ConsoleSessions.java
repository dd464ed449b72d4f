package dev.quartermaster.identity;

import dev.quartermaster.identity.authentication.KeyHasher;
import dev.quartermaster.identity.session.SessionStore;
import dev.quartermaster.identity.store.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sign-in sessions for the web console. A sign-in is checked by the {@link RequestAuthenticator},
 * exactly as HTTP Basic with the same username and password would be, so it meets the same
 * password check and the same throttle on failures per client and username. The session token is
 * random; only its keyed hash is stored, as for API keys. Only the console accepts sessions: the
 * API's security chain never reads the cookie.
 */
@Service
@EnableConfigurationProperties(SessionProperties.class)
public class ConsoleSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    public sealed interface SignIn {
    }

    /** {@code token} goes into the cookie and nowhere else. */
    public record Started(String token, Caller caller) implements SignIn {

        @Override
        public String toString() {
            return "Started[****, " + caller.username() + "]";
        }
    }

    /**
     * {@code status}: 401 for a wrong username or password, 429 while the throttle holds, 503 while
     * every slot for password checks is taken.
     */
    public record Refused(int status, String message) implements SignIn {
    }

    private final RequestAuthenticator authenticator;
    private final SessionStore sessions;
    private final UserStore users;
    private final KeyHasher hasher;
    private final SessionProperties properties;

    ConsoleSessions(RequestAuthenticator authenticator, SessionStore sessions, UserStore users, KeyHasher hasher,
                    SessionProperties properties) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.users = users;
        this.hasher = hasher;
        this.properties = properties;
    }

    public SignIn signIn(HttpServletRequest request, String username, String password) {
        if (username == null || username.isBlank() || username.contains(":") || password == null || password.isEmpty()) {
            return new Refused(401, "the username or password is not valid");
        }
        return switch (authenticator.authenticate(new BasicOnly(request, username, password))) {
            case RequestAuthenticator.Authenticated a when a.apiKeyId() == null -> start(a.caller());
            case RequestAuthenticator.Refused r when r.problem().status() != 401 ->
                    new Refused(r.problem().status(), r.problem().detail());
            default -> new Refused(401, "the username or password is not valid");
        };
    }

    private Started start(Caller caller) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = "qms_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        sessions.insert(caller.userId(), hasher.hash(token), properties.absoluteTimeout());
        return new Started(token, caller);
    }

    /** The caller of a live session, as they are now (permissions changed since sign-in count). */
    public Optional<Caller> resolve(String token) {
        if (token == null || !token.startsWith("qms_") || token.length() > 100) {
            return Optional.empty();
        }
        return sessions.use(hasher.hash(token), properties.idleTimeout()).flatMap(users::caller);
    }

    /** Sign-out: the session ends on every server at once. */
    public boolean end(String token) {
        return token != null && token.startsWith("qms_") && sessions.revoke(hasher.hash(token));
    }

    public SessionProperties settings() {
        return properties;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        sessions.purge();
    }

    /** The request as the authenticator sees it: only the Basic credential of the form, no other header. */
    private static final class BasicOnly extends HttpServletRequestWrapper {

        private final String authorization;

        BasicOnly(HttpServletRequest request, String username, String password) {
            super(request);
            this.authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String getHeader(String name) {
            return "Authorization".equalsIgnoreCase(name) ? authorization : null;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            return value == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(value));
        }
    }
}
