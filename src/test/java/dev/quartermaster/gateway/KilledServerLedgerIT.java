package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Await;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.LedgerRows;
import dev.quartermaster.support.ServerCluster;
import dev.quartermaster.support.TestApi;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server killed (-9) while it answers a burst of calls: every call its clients saw answered is in
 * the ledger exactly once, settled by the server itself or, for what it had not written yet, by the
 * other server's sweep after its lease expired; the calls that broke off are in it at most once.
 */
class KilledServerLedgerIT {

    private static final String CALL = """
            {"model": "%s", "max_tokens": 10, "messages": [{"role": "user", "content": "Hi"}]}""";

    @Test
    void everyAnsweredCallOfAKilledServerIsInTheLedgerOnce() throws Exception {
        try (ServerCluster cluster = ServerCluster.start(2, Map.of("QM_METERING_RESERVATION_EXPIRY", "4s",
                "QM_METERING_SWEEP_EVERY", "PT1S"));
             GatewayFixture gw = GatewayFixture.openAiCompatible(cluster.admin(0))) {
            JdbcClient jdbc = cluster.jdbc();
            assertThat(cluster.admin(0).patch("/api/v1/system/budgets/users/" + gw.user.id(), "{\"dailyLimit\": 1}")
                    .status()).isEqualTo(200);
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")).delayed(300));
            TestApi doomed = cluster.server(1).api().withKey(gw.user.key());
            List<Future<String>> calls = new ArrayList<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                AtomicInteger seen = new AtomicInteger();
                int killedAt = -1;
                for (int i = 0; i < 400 && (killedAt < 0 || i < killedAt + 10); i++) {
                    calls.add(clients.submit(() -> {
                        String requestId = answered(doomed, gw.model);
                        if (requestId != null) {
                            seen.incrementAndGet();
                        }
                        return requestId;
                    }));
                    Thread.sleep(25);
                    if (killedAt < 0 && (seen.get() >= 3 || i == 390)) {   // mid-burst, once it is answering
                        cluster.server(1).kill();
                        killedAt = i;
                    }
                }
            }
            List<String> answered = new ArrayList<>();
            for (Future<String> call : calls) {
                if (call.get() != null) {
                    answered.add(call.get());
                }
            }

            assertThat(answered).as("some calls were answered before the kill").isNotEmpty();
            assertThat(Await.until(() -> LedgerRows.reservations(jdbc, gw.user.id()) == 0
                    && jdbc.sql("select count(*) from budget_leases where user_id = ?").param(gw.user.id())
                    .query(Long.class).single() == 0, Duration.ofSeconds(30)))
                    .as("the other server swept what the killed one held").isTrue();
            for (String requestId : answered) {
                assertThat(jdbc.sql("select count(*) from ledger where request_id = ? and attempt = (select max(attempt) "
                        + "from ledger where request_id = ?)").params(requestId, requestId).query(Long.class).single())
                        .as("answered call %s in the ledger once", requestId).isEqualTo(1);
            }
            assertThat(jdbc.sql("select count(distinct request_id) from ledger where user_id = ?").param(gw.user.id())
                    .query(Long.class).single()).isGreaterThanOrEqualTo(answered.size());
            assertThat(jdbc.sql("select count(*) from ledger where user_id = ?").param(gw.user.id()).query(Long.class)
                    .single()).isEqualTo(jdbc.sql("select count(distinct (request_id, attempt)) from ledger where user_id = ?")
                    .param(gw.user.id()).query(Long.class).single());
        }
    }

    /** The call's request id if the client got its whole answer, else null (the server died under it). */
    private static String answered(TestApi api, String model) {
        try {
            var answer = api.post("/v1/chat/completions", CALL.formatted(model));
            return answer.status() == 200 && answer.body().contains("\"finish_reason\"") ? answer.header("x-request-id") : null;
        } catch (UncheckedIOException broken) {
            return null;
        }
    }
}
