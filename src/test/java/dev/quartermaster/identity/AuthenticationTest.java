package dev.quartermaster.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestSettings;
import dev.quartermaster.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuartermasterTest
class AuthenticationTest {

    private static final String PASSWORD = "a long enough password";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    TestApi api;
    TestUsers.TestUser user;

    @BeforeEach
    void setUp(TestApi api) {
        this.api = api;
        user = TestUsers.create(api, "free");
        TestResponse set = api.asAdmin().patch("/api/v1/system/users/" + user.id(),
                "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** Each kind of credential, as a good one and as a wrong one for the same user. */
    static Stream<Arguments> credentialKinds() {
        return Stream.of(
                Arguments.of("bearer API key", (Kind) (u, good) -> headers("Authorization", "Bearer " + (good ? u.key() : u.key() + "x"))),
                Arguments.of("X-Api-Key", (Kind) (u, good) -> headers("X-Api-Key", good ? u.key() : "qm_wrong")),
                Arguments.of("bare authorization", (Kind) (u, good) -> headers("Authorization", good ? u.key() : "qm_wrong")),
                Arguments.of("bearer JWT", (Kind) (u, good) -> headers("Authorization", "Bearer " + jwt(u.username(),
                        good ? TestSettings.JWT_SECRET : "another-secret-that-is-also-long-enough"))),
                Arguments.of("basic", (Kind) (u, good) -> headers("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((u.username() + ":" + (good ? PASSWORD : "wrong password!")).getBytes(StandardCharsets.UTF_8)))));
    }

    interface Kind {
        UnaryOperator<TestApi> credentials(TestUsers.TestUser user, boolean good);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialKinds")
    void goodCredentialsOfEveryKindIdentifyTheUser(String name, Kind kind) {
        TestResponse me = kind.credentials(user, true).apply(api).get("/api/v1/system/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("data").get("username").stringValue()).isEqualTo(user.username());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialKinds")
    void wrongCredentialsOfEveryKindAre401WithAChallenge(String name, Kind kind) {
        TestResponse me = kind.credentials(user, false).apply(api.from("127.0.0.2")).get("/api/v1/system/me");

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.header("WWW-Authenticate")).contains("Bearer").contains("Basic");
        assertThat(me.header("Content-Type")).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialKinds")
    void goodCredentialsWithoutThePermissionAre403(String name, Kind kind) {
        TestResponse users = kind.credentials(user, true).apply(api).get("/api/v1/system/users");

        assertThat(users.status()).isEqualTo(403);
        assertThat(users.json().get("detail").stringValue()).contains("users.read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialKinds")
    void repeatedFailuresFromOneClientAreThrottled(String name, Kind kind) {
        String address = "127.0.3." + CLIENTS.incrementAndGet();
        TestApi client = kind.credentials(user, false).apply(api.from(address));
        for (int i = 0; i < 10; i++) {
            assertThat(client.get("/api/v1/system/me").status()).isEqualTo(401);
        }

        TestResponse throttled = client.get("/api/v1/system/me");
        TestResponse evenWithGoodCredentials = kind.credentials(user, true)
                .apply(api.from(address)).get("/api/v1/system/me");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(evenWithGoodCredentials.status())
                .as("a password is not checked from there; a valid key or JWT, a microsecond's check, is let in")
                .isEqualTo(name.equals("basic") ? 429 : 200);
        assertThat(kind.credentials(user, true).apply(api).get("/api/v1/system/me").status())
                .as("other clients are not affected, but a username's password is throttled wherever it is tried")
                .isEqualTo(name.equals("basic") ? 429 : 200);
        assertThat(api.withKey(user.key()).get("/api/v1/system/me").status()).isEqualTo(200);
    }

    @Test
    void noCredentialsIs401WithAChallenge() {
        TestResponse me = api.get("/api/v1/system/me");

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.header("WWW-Authenticate")).contains("Bearer realm=\"quartermaster\"");
    }

    @Test
    void anExpiredJwtIsRefused() {
        String expired = jwt(user.username(), TestSettings.JWT_SECRET, Instant.now().minusSeconds(3600));

        assertThat(api.from("127.0.0.2").withKey(expired).get("/api/v1/system/me").status()).isEqualTo(401);
    }

    @Test
    void aJwtNamesItsUserExactly() {
        assertThat(api.from("127.0.6.1").withKey(jwt(user.username().toUpperCase(), TestSettings.JWT_SECRET))
                .get("/api/v1/system/me").status()).as("another case").isEqualTo(401);
        assertThat(api.from("127.0.6.2").withKey(jwt(" " + user.username(), TestSettings.JWT_SECRET))
                .get("/api/v1/system/me").status()).as("a space before it").isEqualTo(401);
        assertThat(api.withKey(jwt(user.username(), TestSettings.JWT_SECRET)).get("/api/v1/system/me").status())
                .isEqualTo(200);
    }

    @Test
    void aJwtForAnUnknownUserIsRefused() {
        String token = jwt(Names.unique("nobody"), TestSettings.JWT_SECRET);

        assertThat(api.from("127.0.0.2").withKey(token).get("/api/v1/system/me").status()).isEqualTo(401);
    }

    @Test
    void healthNeedsNoCredentials() {
        TestResponse health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").stringValue()).isEqualTo("UP");
    }

    private static UnaryOperator<TestApi> headers(String name, String value) {
        return client -> client.withHeader(name, value);
    }

    static String jwt(String subject, String secret) {
        return jwt(subject, secret, Instant.now().plusSeconds(600));
    }

    static String jwt(String subject, String secret, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                    new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(expires)).build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
