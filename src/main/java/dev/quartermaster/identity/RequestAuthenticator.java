package dev.quartermaster.identity;

import dev.quartermaster.identity.authentication.Authenticator;
import dev.quartermaster.identity.authentication.Credentials;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.ErrorResponder;
import dev.quartermaster.platform.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who a request is, from whatever credential it carries (Bearer API key or JWT, X-Api-Key, a bare
 * Authorization key, Basic), with the throttle on failed attempts per client address. The security
 * filter chain uses it for every path; a hot path outside the chain may use it too, and so
 * authenticates exactly the same way.
 */
@Component
public class RequestAuthenticator {

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

    private final Authenticator authenticator;
    private final RateLimiter failures;
    private final ErrorResponder responder;

    RequestAuthenticator(Authenticator authenticator, IdentityProperties properties, ErrorResponder responder) {
        this.authenticator = authenticator;
        this.failures = new RateLimiter(properties.auth().failureLimit(), properties.auth().failureWindow());
        this.responder = responder;
    }

    public Outcome authenticate(HttpServletRequest request) {
        String client = request.getRemoteAddr();
        long blocked = failures.secondsUntilAllowed(client);
        if (blocked > 0) {
            return new Refused(ApiException.tooManyRequests(
                    "too many failed sign-in attempts; try again in " + blocked + " seconds", blocked).problem());
        }
        Credentials credentials = Credentials.of(request);
        if (credentials instanceof Credentials.None) {
            return new Anonymous();
        }
        return authenticator.authenticate(credentials)
                .<Outcome>map(v -> new Authenticated(v.caller(), v.apiKeyId())).orElseGet(() -> {
            failures.record(client);
            return new Refused(new ApiProblem(401, "Unauthorized", "the credentials are not valid"));
        });
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
