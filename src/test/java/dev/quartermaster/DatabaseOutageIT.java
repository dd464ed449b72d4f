package dev.quartermaster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.gateway.OpenAiStreams;
import dev.quartermaster.support.Await;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.ServerCluster;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under a running server and starts again: what needs it answers 503 with
 * {@code Retry-After} in its surface's shape within seconds, what is served from memory keeps
 * working, the gateway admits nothing it could not meter, and everything is back once the database
 * is, without restarting the server; the call admitted as the database went is in the ledger after.
 */
class DatabaseOutageIT {

    private static final String CALL = """
            {"model": "%s", "max_tokens": 10, "messages": [{"role": "user", "content": "Hi"}]}""";

    @Test
    void theServerAnswers503WhileTheDatabaseIsAwayAndRecoversWhenItIsBack() throws Exception {
        try (ServerCluster cluster = ServerCluster.start(1, Map.of());
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

            List<Integer> calls = new ArrayList<>();
            int upstreamBefore = gw.upstream.requests().size();
            for (int i = 0; i < 3 && !calls.contains(503); i++) {
                TestResponse call = user.post("/v1/chat/completions", CALL.formatted(gw.model));
                calls.add(call.status());
                if (call.status() == 503) {
                    assertThat(call.json().at("/error/message").stringValue()).contains("database");
                    assertThat(call.header("Retry-After")).isNotBlank();
                }
            }
            assertThat(calls).as("once the metering cannot write, calls are refused").contains(503);
            assertThat(gw.upstream.requests().size() - upstreamBefore).isLessThanOrEqualTo(1);

            cluster.startDatabase();

            assertThat(Await.until(() -> admin.post("/api/v1/system/users", "{\"username\": \"after-outage\", \"tier\": \"free\"}")
                    .status() == 201, Duration.ofSeconds(30))).as("writes work again without a restart").isTrue();
            assertThat(Await.until(() -> user.post("/v1/chat/completions", CALL.formatted(gw.model)).status() == 200,
                    Duration.ofSeconds(30))).as("the gateway admits calls again").isTrue();
            assertThat(cluster.server(0).api().get("/actuator/health").status()).isEqualTo(200);
            assertThat(Await.until(() -> cluster.jdbc().sql("select count(*) from ledger where user_id = ?").param(gw.user.id())
                    .query(Long.class).single() == gw.upstream.requests().size(), Duration.ofSeconds(30)))
                    .as("every call that reached the upstream is in the ledger, the one admitted as the database went too")
                    .isTrue();
        }
    }
}
