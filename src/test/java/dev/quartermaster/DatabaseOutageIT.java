package dev.quartermaster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.gateway.OpenAiStreams;
import dev.quartermaster.support.Await;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.ServerCluster;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import dev.quartermaster.support.TestUsers.TestUser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under a running server and starts again: what needs it answers 503 with
 * {@code Retry-After} in its surface's shape within seconds, what is served from memory keeps
 * working, the gateway admits nothing it could not meter, and everything is back once the database
 * is, without restarting the servers (the other one hears of changes again); the call admitted as the
 * database went is in the ledger after.
 */
class DatabaseOutageIT {

    private static final String CALL = """
            {"model": "%s", "max_tokens": 10, "messages": [{"role": "user", "content": "Hi"}]}""";

    @Test
    void theServerAnswers503WhileTheDatabaseIsAwayAndRecoversWhenItIsBack() throws Exception {
        try (ServerCluster cluster = ServerCluster.start(2, Map.of());
             GatewayFixture gw = GatewayFixture.openAiCompatible(cluster.admin(0))) {
            TestApi admin = cluster.admin(0);
            TestApi user = cluster.server(0).api().withKey(gw.user.key());
            assertThat(admin.patch("/api/v1/system/budgets/users/" + gw.user.id(), "{\"dailyLimit\": 1}").status()).isEqualTo(200);
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            assertThat(user.post("/v1/chat/completions", CALL.formatted(gw.model)).status()).isEqualTo(200);
            assertThat(user.get("/v1/models").status()).isEqualTo(200);

            cluster.stopDatabase();

            long start = System.nanoTime();
            TestResponse write = admin.post("/api/v1/system/users", "{\"username\": \"during-outage\", \"tier\": \"free\"}");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(write.status()).as(write.body()).isEqualTo(503);
            assertThat(write.header("Retry-After")).isNotBlank();
            assertThat(write.json().get("status").intValue()).isEqualTo(503);
            assertThat(user.get("/v1/models").status()).as("model lists are served from memory").isEqualTo(200);
            assertThat(cluster.server(0).api().get("/actuator/health").status()).isEqualTo(503);

            // calls admitted on the server's budget lease go on until its records stop reaching the
            // database (a second at most): then the gateway refuses them
            TestResponse refused = Await.until(() -> user.post("/v1/chat/completions", CALL.formatted(gw.model)),
                    call -> call.status() != 200, Duration.ofSeconds(10));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().at("/error/message").stringValue()).contains("database");
            assertThat(refused.header("Retry-After")).isNotBlank();

            cluster.startDatabase();

            assertThat(Await.until(() -> admin.post("/api/v1/system/users", "{\"username\": \"after-outage\", \"tier\": \"free\"}")
                    .status() == 201, Duration.ofSeconds(30))).as("writes work again without a restart").isTrue();
            assertThat(Await.until(() -> user.post("/v1/chat/completions", CALL.formatted(gw.model)).status() == 200,
                    Duration.ofSeconds(30))).as("the gateway admits calls again").isTrue();
            assertThat(cluster.server(0).api().get("/actuator/health").status()).isEqualTo(200);
            TestUser later = TestUsers.create(admin, "free");
            TestApi elsewhere = cluster.server(1).api().withKey(later.key());
            assertThat(elsewhere.get("/v1/models").status()).isEqualTo(200);
            String keyId = admin.get("/api/v1/system/users/" + later.id() + "/api-keys").json().get("data").get(0)
                    .get("id").stringValue();
            assertThat(admin.delete("/api/v1/system/users/" + later.id() + "/api-keys/" + keyId).status()).isLessThan(300);
            assertThat(Await.until(() -> elsewhere.get("/v1/models").status() == 401, Duration.ofSeconds(10)))
                    .as("the other server listens for changes again: a key revoked after the outage is refused there")
                    .isTrue();
            assertThat(Await.until(() -> cluster.jdbc().sql("select count(*) from ledger where user_id = ?").param(gw.user.id())
                    .query(Long.class).single() == gw.upstream.requests().size(), Duration.ofSeconds(30)))
                    .as("every call that reached the upstream is in the ledger, the one admitted as the database went too")
                    .isTrue();
        }
    }
}
