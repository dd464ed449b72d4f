package dev.quartermaster.support;

import dev.quartermaster.support.FakeServer.Recorded;
import dev.quartermaster.support.FakeServer.Reply;
import java.util.function.Function;

/**
 * The providers' public endpoints, as far as this machine is concerned: one fake per test JVM
 * behind {@code QM_PROVIDERS_*_BASE_URL}, at {@code /openai/v1}, {@code /anthropic}, {@code /gemini},
 * {@code /mistral/v1} and {@code /ollama}. It answers the model-list call each provider uses to
 * prove a key, by the key: {@code good-…} works, {@code down-…} meets a 503, anything else a 401.
 * A request not shaped as the real provider expects gets a 400, so shape mistakes fail tests.
 */
public final class ProviderFakes {

    public static final String URL_PROPERTY = "qm.test.provider-fakes";
    private static FakeServer server;

    private ProviderFakes() {
    }

    public static synchronized void start() {
        if (server == null) {
            server = new FakeServer().replying(ProviderFakes::answer);
            System.setProperty(URL_PROPERTY, server.url());
        }
    }

    public static FakeServer server() {
        start();
        return server;
    }

    /** How the fakes answer calls other than a key check (a gateway's chat call to a default endpoint, say). */
    public static void onCall(Function<Recorded, Reply> calls) {
        ProviderFakes.calls = calls;
    }

    private static volatile Function<Recorded, Reply> calls = r -> Reply.json(405, "{}");

    private static Reply answer(Recorded r) {
        if (!r.method().equals("GET")) {
            return calls.apply(r);
        }
        return switch (r.path()) {
            case "/openai/v1/models", "/mistral/v1/models" -> byKey(bearer(r), "{\"object\": \"list\", \"data\": []}",
                    "{\"error\": {\"message\": \"Incorrect API key provided\", \"type\": \"invalid_request_error\"}}");
            case "/anthropic/v1/models" -> "2023-06-01".equals(r.header("anthropic-version"))
                    ? byKey(r.header("x-api-key"), "{\"data\": [], \"has_more\": false}",
                            "{\"type\": \"error\", \"error\": {\"type\": \"authentication_error\", \"message\": \"invalid x-api-key\"}}")
                    : Reply.json(400, "{\"type\": \"error\", \"error\": {\"message\": \"anthropic-version header is required\"}}");
            case "/gemini/v1beta/models" -> byKey(r.header("x-goog-api-key"), "{\"models\": []}",
                    "{\"error\": {\"code\": 400, \"message\": \"API key not valid. Please pass a valid API key.\"}}");
            case "/ollama/api/tags" -> Reply.json(200, "{\"models\": []}");
            default -> Reply.json(404, "{\"error\": {\"message\": \"no such endpoint " + r.path() + "\"}}");
        };
    }

    private static String bearer(Recorded r) {
        String authorization = r.header("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    private static Reply byKey(String key, String ok, String refused) {
        if (key == null) {
            return Reply.json(400, "{\"error\": {\"message\": \"no key in the expected header\"}}");
        }
        if (key.startsWith("good-")) {
            return Reply.json(200, ok);
        }
        return key.startsWith("down-") ? Reply.json(503, "{\"error\": {\"message\": \"overloaded\"}}") : Reply.json(401, refused);
    }
}
