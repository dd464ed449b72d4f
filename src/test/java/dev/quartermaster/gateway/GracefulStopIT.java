package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Await;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.LedgerRows;
import dev.quartermaster.support.ServerCluster;
import dev.quartermaster.support.ServerProcess;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SIGTERM: the server stops taking requests, lets the streams in flight finish, settles them, and gives its leases back. */
class GracefulStopIT {

    @Test
    void aStreamInFlightWhenTheServerIsToldToStopFinishesAndIsSettled() throws Exception {
        try (ServerCluster cluster = ServerCluster.start(1, Map.of("QM_DRAIN_TIMEOUT", "30s"));
             GatewayFixture gw = GatewayFixture.openAiCompatible(cluster.admin(0))) {
            JdbcClient jdbc = cluster.jdbc();
            ServerProcess server = cluster.server(0);
            assertThat(cluster.admin(0).patch("/api/v1/system/budgets/users/" + gw.user.id(), "{\"dailyLimit\": 1}")
                    .status()).isEqualTo(200);
            String[] words = IntStream.range(0, 30).mapToObj(i -> "w" + i + " ").toArray(String[]::new);
            gw.upstream.replying(r -> Reply.events(OpenAiStreams.stream(gw.model, words), 100));   // 3 s of answer
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.api().base() + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + gw.user.key()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model": "%s", "stream": true, "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]}"""
                            .formatted(gw.model))).build();
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                String requestId = response.headers().firstValue("x-request-id").orElseThrow();
                String answer;
                try (InputStream body = response.body()) {
                    assertThat(new String(body.readNBytes(40))).startsWith("data: ");
                    CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(() -> stop(server));

                    assertThat(Await.until(() -> refused(server), Duration.ofSeconds(10)))
                            .as("a stopping server takes no new request").isTrue();
                    answer = new String(body.readAllBytes());
                    assertThat(stopped.get()).as("exit code after a graceful stop").isIn(0, 143);
                }

                assertThat(answer).contains("[DONE]").contains("finish_reason\":\"stop");
                assertThat(LedgerRows.of(jdbc, requestId)).containsEntry("estimated", false)
                        .containsEntry("usage_unknown", false).containsEntry("status", 200);
                assertThat(jdbc.sql("select count(*) from budget_leases where user_id = ?").param(gw.user.id())
                        .query(Long.class).single()).as("its lease went back").isZero();
                assertThat(LedgerRows.reservations(jdbc, gw.user.id())).isZero();
            }
        }
    }

    private static int stop(ServerProcess server) {
        try {
            return server.stop();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a new request is refused: the listener closed (or the server answers 503 while it drains). */
    private static boolean refused(ServerProcess server) {
        try {
            return server.api().get("/actuator/health").status() == 503;
        } catch (UncheckedIOException closed) {
            return true;
        }
    }
}
