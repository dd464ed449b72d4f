package dev.quartermaster.identity;

import dev.quartermaster.identity.authentication.Authenticator;
import dev.quartermaster.identity.authentication.Credentials;
import dev.quartermaster.identity.authentication.KeyHasher;
import dev.quartermaster.identity.authentication.SignInThrottle;
import dev.quartermaster.identity.store.SignInFailureStore;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.ErrorResponder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who a request is, from whatever credential it carries (Bearer API key or JWT, X-Api-Key, a bare
 * Authorization key, Basic), with the throttle on failed attempts per client and username, shared
 * by every server ({@link SignInThrottle}). The security
 * filter chain uses it for every path; a hot path outside the chain may use it too, and so
 * authenticates exactly the same way.
 */
@Component
public class RequestAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(RequestAuthenticator.class);

    static final String CHALLENGE = "Bearer realm=\"quartermaster\", Basic realm=\"quartermaster\", charset=\"UTF-8\"";

    public sealed interface Outcome {
    }

    /** {@code apiKeyId}: the API key the request signed in with, null for a password or a JWT. */
    public record Authenticated(Caller caller, UUID apiKeyId) implements Outcome {
    }

    /** The request attribute that holds an authenticated request's API key id, if it used one. */
    public static final String API_KEY_ID = "qm.apiKeyId";

    /** No credential at all: public paths let it through, others answer 401. */
    public record Anonymous() implements Outcome {
    }

    public record Refused(ApiProblem problem) implements Outcome {
    }

    private static final Refused UNAUTHORIZED = new Refused(new ApiProblem(401, "Unauthorized", "the credentials are not valid"));

    private final Authenticator authenticator;
    private final SignInThrottle throttle;
    private final ErrorResponder responder;

    RequestAuthenticator(Authenticator authenticator, SignInFailureStore failures, KeyHasher hasher,
                         IdentityProperties properties, ErrorResponder responder) {
        this.authenticator = authenticator;
        this.throttle = new SignInThrottle(failures, hasher, properties.auth().failureLimit(),
                properties.auth().failureWindow());
        this.responder = responder;
    }

    public Outcome authenticate(HttpServletRequest request) {
        return switch (Credentials.of(request)) {
            case Credentials.None none -> new Anonymous();
            case Credentials.Basic basic -> password(throttle.keys(request.getRemoteAddr(), basic.username()), basic);
            case Credentials credentials -> cheap(throttle.keys(request.getRemoteAddr(), null), credentials);
        };
    }

    /**
     * An API key or a JWT is checked first, since that costs microseconds: a valid one is let in
     * whatever others did from the same address, with no database round trip once verified.
     */
    private Outcome cheap(List<String> keys, Credentials credentials) {
        Optional<Authenticator.Verified> verified = authenticator.authenticate(credentials);
        if (verified.isPresent()) {
            return new Authenticated(verified.get().caller(), verified.get().apiKeyId());
        }
        long wait = throttle.knownWait(keys);
        if (wait == 0) {
            wait = throttle.take(keys).secondsToWait();
        }
        return wait > 0 ? throttled(wait) : UNAUTHORIZED;
    }

    /**
     * A password: refused outright while its client or username is over the limit (a remembered
     * right password included, or the throttle would tell a guess that is right); otherwise counted
     * as a failure before bcrypt runs, and given back if the password was right.
     */
    private Outcome password(List<String> keys, Credentials.Basic basic) {
        long wait = throttle.knownWait(keys);
        if (wait > 0) {
            return throttled(wait);
        }
        Optional<Authenticator.Verified> remembered = authenticator.remembered(basic);
        if (remembered.isPresent()) {
            wait = throttle.wait(keys);
            return wait > 0 ? throttled(wait) : new Authenticated(remembered.get().caller(), null);
        }
        SignInThrottle.Admission admission = throttle.take(keys);
        if (admission.secondsToWait() > 0) {
            return throttled(admission.secondsToWait());
        }
        return switch (authenticator.checkPassword(basic)) {
            case Authenticator.PasswordCheck.Right right -> {
                throttle.giveBack(keys, admission);
                yield new Authenticated(right.verified().caller(), null);
            }
            case Authenticator.PasswordCheck.Busy busy -> {
                throttle.giveBack(keys, admission);
                yield new Refused(new ApiProblem(503, "Service unavailable",
                        "too many sign-ins are being checked at once; try again in a second").withRetryAfter(1));
            }
            case Authenticator.PasswordCheck.Wrong wrong -> UNAUTHORIZED;
        };
    }

    private static Refused throttled(long wait) {
        return new Refused(ApiException.tooManyRequests(
                "too many failed sign-in attempts; try again in " + wait + " seconds", wait).problem());
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void purgeEndedWindows() {
        try {
            throttle.purge();
        } catch (DataAccessException e) {
            log.warn("could not delete the ended windows of failed sign-ins ({}); trying again in a minute",
                    e.getClass().getSimpleName());
        }
    }

    /** Answers a refusal, or the absence of credentials, in the surface's error shape; a 401 carries the challenge. */
    public void refuse(HttpServletRequest request, HttpServletResponse response, Outcome outcome) throws IOException {
        ApiProblem problem = outcome instanceof Refused refused ? refused.problem()
                : new ApiProblem(401, "Unauthorized", "credentials are required");
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        responder.write(request, response, problem);
    }
}
