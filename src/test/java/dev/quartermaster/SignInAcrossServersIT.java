package dev.quartermaster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Race;
import dev.quartermaster.support.ServerCluster;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The throttle on failed sign-ins holds across server processes: two servers on one PostgreSQL
 * together allow {@code QM_AUTH_FAILURE_LIMIT} failures a window, not twice as many.
 */
class SignInAcrossServersIT {

    private static final int LIMIT = 4;
    private static final String PASSWORD = "a long enough password";

    static ServerCluster cluster;

    @BeforeAll
    static void start() {
        // windows are fixed, on the database's clock: an hour makes a boundary inside the test (counts
        // starting again) as good as impossible; with the default minute it fell inside one run in CI
        cluster = ServerCluster.start(2, Map.of("QM_AUTH_FAILURE_LIMIT", Integer.toString(LIMIT),
                "QM_AUTH_FAILURE_WINDOW", "1h"));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void failuresOnEitherServerCountTowardsOneLimit() {
        String username = userWithPassword();
        TestApi[] servers = {client(0, "127.0.9.1"), client(1, "127.0.9.1")};
        for (int i = 0; i < LIMIT; i++) {
            assertThat(basic(servers[i % 2], username, "wrong password " + i).get("/api/v1/system/me").status())
                    .as("failure %d", i + 1).isEqualTo(401);
        }

        TestResponse onTheFirst = basic(servers[0], username, "wrong password again").get("/api/v1/system/me");
        TestResponse onTheSecondWithTheRightPassword = basic(servers[1], username, PASSWORD).get("/api/v1/system/me");

        assertThat(onTheFirst.status()).as(onTheFirst.body()).isEqualTo(429);
        assertThat(onTheSecondWithTheRightPassword.status()).isEqualTo(429);
        assertThat(onTheSecondWithTheRightPassword.header("Retry-After")).isNotNull();
    }

    @Test
    void aParallelBurstOnBothServersChecksNoMorePasswordsThanTheLimit() throws InterruptedException {
        String username = userWithPassword();
        TestApi[] servers = {client(0, "127.0.9.2"), client(1, "127.0.9.2")};

        List<Integer> statuses = Race.run(40, i -> () -> basic(servers[i % 2], username, "wrong password " + i)
                .get("/api/v1/system/me").status());

        assertThat(statuses).filteredOn(s -> s == 401).as("%s", statuses).hasSizeLessThanOrEqualTo(LIMIT);
        assertThat(statuses).as("%s", statuses).allMatch(s -> s == 401 || s == 429 || s == 503);
    }

    private static String userWithPassword() {
        TestUsers.TestUser user = TestUsers.create(cluster.admin(0), "free");
        TestResponse set = cluster.admin(0).patch("/api/v1/system/users/" + user.id(), "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return user.username();
    }

    private static TestApi client(int server, String address) {
        return cluster.server(server).api().from(address);
    }

    private static TestApi basic(TestApi client, String username, String password) {
        return client.withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
