package dev.quartermaster.platform;

import static dev.quartermaster.support.RawHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.RawHttp;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Requests that Tomcat refuses before any filter or controller runs (a broken request target or
 * header) are answered in the error shape of the surface they were sent to, never with the
 * container's HTML page. Sent as raw bytes: HTTP clients would normalise or refuse these paths.
 */
@QuartermasterTest
class ContainerRejectionsTest {

    RawHttp raw;

    @BeforeEach
    void setUp(TestApi api) {
        raw = RawHttp.to(api);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1/chat%00/completions   | a NUL or control character
            /v1/models/%zz            | malformed %-escape
            /v1/models/gpt%4         | malformed %-escape
            /v1/models/%C0%AF         | not valid UTF-8
            /v1/models/%E2%82         | not valid UTF-8
            /v1/models/a%2Fb          | encoded slash or backslash
            /v1/models/a%5cb          | encoded slash or backslash
            """)
    void aBrokenPathUnderV1GetsOpenAisErrorNamingWhatIsWrong(String path, String reason) {
        TestResponse answer = raw.send("GET", bytes(path), "Authorization", "Bearer " + TestSettings.ADMIN_KEY);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode error = answer.json().get("error");
        assertThat(error).as(answer.body()).isNotNull();
        assertThat(error.propertyNames()).containsExactly("message", "type", "param", "code");
        assertThat(error.get("type").stringValue()).isEqualTo("invalid_request_error");
        assertThat(error.get("param").stringValue()).isEqualTo("path");
        assertThat(error.get("message").stringValue()).contains(reason);
        assertThat(answer.body()).doesNotContain("<html").doesNotContain("Tomcat");
    }

    /** Tomcat cannot read such a request line at all, so the surface is unknown: problem details. */
    @Test
    void rawBytesThatAreNotEscapedAreRefusedInJsonNamingThePath() {
        TestResponse answer = raw.send("GET", new byte[] {'/', 'v', '1', '/', 'm', (byte) 0xff, (byte) 0xfe});

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().at("/errors/0/field").stringValue()).isEqualTo("path");
        assertThat(answer.json().at("/errors/0/message").stringValue()).contains("must be %-encoded");
    }

    @Test
    void aRequestLineThatBreaksAfterThePathIsRefusedInThePathsSurface() {
        TestResponse answer = raw.send("GET", bytes("/v1/models/a b"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/param").stringValue()).isEqualTo("path");
        assertThat(answer.json().at("/error/message").stringValue()).contains("must be %-encoded");
    }

    @Test
    void eachSurfaceGetsItsOwnShapeForTheSameBrokenPath() {
        TestResponse api = raw.send("GET", bytes("/api/v1/system/users/%00"));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().get("status").intValue()).isEqualTo(400);
        assertThat(api.json().at("/errors/0/field").stringValue()).isEqualTo("path");
        assertThat(api.json().at("/errors/0/message").stringValue()).contains("NUL");

        TestResponse userAi = raw.send("GET", bytes("/v1/ai/models%zz"));
        assertThat(userAi.header("Content-Type")).startsWith("application/problem+json");
        assertThat(userAi.json().at("/errors/0/field").stringValue()).isEqualTo("path");

        TestResponse messages = raw.send("POST", bytes("/v1/messages/%C0%AF"));
        assertThat(messages.status()).isEqualTo(400);
        assertThat(messages.json().get("type").stringValue()).isEqualTo("error");
        assertThat(messages.json().at("/error/type").stringValue()).isEqualTo("invalid_request_error");

        TestResponse settings = raw.send("GET", bytes("/api/ai-settings/%zz"));
        assertThat(settings.status()).isEqualTo(400);
        assertThat(settings.json().get("success").booleanValue()).isFalse();
        assertThat(settings.json().at("/errors/0/field").stringValue()).isEqualTo("[path]");
    }

    @Test
    void headersLargerThanTheServerAcceptsAreRefusedInJson() {
        TestResponse openAi = raw.send("GET", bytes("/v1/models"), "X-Padding", "a".repeat(20_000));
        TestResponse api = raw.send("GET", bytes("/api/v1/system/me"), "X-Padding", "a".repeat(20_000));

        assertThat(openAi.status()).isEqualTo(400);
        assertThat(openAi.json().at("/error/param").stringValue()).isEqualTo("headers");
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().at("/errors/0/field").stringValue()).isEqualTo("headers");
    }

    @Test
    void anUnsupportedHttpVersionIsRefusedInJson() {
        TestResponse answer = raw.send(bytes("GET "), bytes("/api/v1/system/me"), " HTTP/9.1");

        assertThat(answer.status()).isEqualTo(505);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").stringValue()).contains("HTTP/1.1");
    }

    @Test
    void aMalformedEscapeInTheQueryIsRefusedNotDropped() {
        TestResponse answer = raw.send("GET", bytes("/v1/ai/usage?from=%zz"),
                "Authorization", "Bearer " + TestSettings.ADMIN_KEY);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").stringValue()).isEqualTo("query");
        assertThat(answer.json().at("/errors/0/message").stringValue()).contains("malformed %-escape");
    }

    @Test
    void unknownPathsAnswerInTheirSurfacesShape(TestApi api) {
        TestResponse openAi = api.asAdmin().get("/v1/no/such/thing");
        assertThat(openAi.status()).isEqualTo(404);
        assertThat(openAi.json().get("error").propertyNames()).containsExactly("message", "type", "param", "code");
        assertThat(openAi.json().at("/error/type").stringValue()).isEqualTo("not_found_error");

        TestResponse system = api.asAdmin().get("/api/v1/system/no-such-thing");
        assertThat(system.status()).isEqualTo(404);
        assertThat(system.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anUnknownMethodIsNotCalledABadPath() {
        TestResponse answer = raw.send("BREW", bytes("/v1/models"), "Authorization", "Bearer " + TestSettings.ADMIN_KEY);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.json().at("/error/message").stringValue()).contains("BREW");
    }
}
