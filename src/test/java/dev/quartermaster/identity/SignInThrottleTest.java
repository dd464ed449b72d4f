package dev.quartermaster.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.Race;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestSettings;
import dev.quartermaster.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The throttle on failed sign-ins (10 a minute by default): counted before a password is checked,
 * per client address and per username, and never in the way of a caller with a valid API key.
 */
@QuartermasterTest
class SignInThrottleTest {

    private static final String PASSWORD = "a long enough password";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    TestApi api;
    TestUsers.TestUser user;

    @BeforeEach
    void setUp(TestApi api) {
        this.api = api;
        user = TestUsers.create(api, "free");
        TestResponse set = api.asAdmin().patch("/api/v1/system/users/" + user.id(), "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    @Test
    void aBurstOfParallelWrongPasswordsChecksNoMoreOfThemThanTheLimit() throws InterruptedException {
        TestApi client = api.from(freshAddress());

        List<TestResponse> answers = Race.run(50, i -> () -> basic(client, user.username(), "wrong password " + i)
                .get("/api/v1/system/me"));

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(TestResponse::status, Collectors.counting()));
        assertThat(statuses.getOrDefault(401, 0L)).as("answers that checked a password: %s", statuses).isLessThanOrEqualTo(10);
        assertThat(statuses.keySet()).as("%s", statuses).isSubsetOf(401, 429, 503);
        assertThat(answers).filteredOn(a -> a.status() != 401)
                .allSatisfy(a -> assertThat(a.header("Retry-After")).isNotNull());
    }

    @Test
    void failuresForOneUsernameAreCountedWhateverAddressTheyComeFrom() {
        for (int i = 0; i < 10; i++) {
            assertThat(basic(api.from(freshAddress()), user.username(), "wrong password!").get("/api/v1/system/me").status())
                    .isEqualTo(401);
        }

        TestResponse fromYetAnother = basic(api.from(freshAddress()), user.username().toUpperCase(), PASSWORD)
                .get("/api/v1/system/me");

        assertThat(fromYetAnother.status()).as(fromYetAnother.body()).isEqualTo(429);
        assertThat(api.from(freshAddress()).withKey(user.key()).get("/api/v1/system/me").status())
                .as("the account's API keys still work").isEqualTo(200);
    }

    @Test
    void aValidApiKeyOrJwtIsNeverRefusedBecauseOthersFailedFromItsAddress() {
        String address = freshAddress();
        for (int i = 0; i < 11; i++) {
            api.from(address).withKey("qm_wrong-" + i).get("/api/v1/system/me");
        }
        assertThat(api.from(address).withKey("qm_wrong").get("/api/v1/system/me").status()).isEqualTo(429);

        assertThat(api.from(address).withKey(user.key()).get("/api/v1/system/me").status()).isEqualTo(200);
        assertThat(api.from(address).withHeader("X-Api-Key", user.key()).get("/api/v1/system/me").status()).isEqualTo(200);
        assertThat(api.from(address).withKey(AuthenticationTest.jwt(user.username(), TestSettings.JWT_SECRET))
                .get("/api/v1/system/me").status()).isEqualTo(200);
        assertThat(basic(api.from(address), user.username(), PASSWORD).get("/api/v1/system/me").status())
                .as("a password is still not checked from a throttled address").isEqualTo(429);
    }

    private static String freshAddress() {
        int n = CLIENTS.incrementAndGet();
        return "127.0." + (40 + n / 250) + "." + (1 + n % 250);
    }

    static TestApi basic(TestApi client, String username, String password) {
        return client.withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
