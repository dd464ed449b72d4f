package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Await;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.LedgerRows;
import dev.quartermaster.support.Race;
import dev.quartermaster.support.ServerCluster;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two server processes (the packaged jar) on one PostgreSQL: a budget holds across both at every
 * moment (each admitting on its own lease of it), every call is in the ledger once, and a killed
 * server's lease and the call it held are settled by the other.
 */
class MeteringAcrossServersIT {

    static ServerCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ServerCluster.start(2, Map.of("QM_METERING_RESERVATION_EXPIRY", "4s", "QM_METERING_SWEEP_EVERY", "PT1S"));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void fortyCallsThroughTwoServersNeverHoldMoreThanTheLimitAndEachIsInTheLedgerOnce() throws Exception {
        JdbcClient jdbc = cluster.jdbc();
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(cluster.admin(0))) {
            // each call reserves 30 in and 100 out: 860,000 nano-USD, so 11 fit in 0.01 USD at once
            assertThat(cluster.admin(1).patch("/api/v1/system/budgets/users/" + gw.user.id(), "{\"dailyLimit\": 0.01}")
                    .status()).isEqualTo(200);
            AtomicLong highest = new AtomicLong();
            gw.upstream.replying(r -> {
                highest.accumulateAndGet(inUse(jdbc, gw.user.id()), Math::max);
                return Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")).delayed(200);
            });
            String body = """
                    {"model": "%s", "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(gw.model);
            List<TestApi> servers = List.of(cluster.server(0).api().withKey(gw.user.key()),
                    cluster.server(1).api().withKey(gw.user.key()));

            List<Integer> statuses = Race.run(44, i -> () -> servers.get(i % 2).post("/v1/chat/completions", body).status());

            assertThat(statuses).isSubsetOf(200, 429, 402).contains(200, 429);
            assertThat(LedgerRows.settled(jdbc, gw.user.id())).isTrue();
            assertThat(Await.until(() -> reserved(jdbc, gw.user.id()) == 0, Duration.ofSeconds(10)))
                    .as("both servers gave their leases back: nothing reserved at the end").isTrue();
            assertThat(highest.get()).isGreaterThan(0).isLessThanOrEqualTo(10_000_000L);
            long ledgerRows = jdbc.sql("select count(*) from ledger where user_id = ?").param(gw.user.id()).query(Long.class).single();
            long ledgerCost = jdbc.sql("select sum(cost_nano) from ledger where user_id = ?").param(gw.user.id()).query(Long.class).single();
            assertThat(ledgerRows).isEqualTo(gw.upstream.requests().size()).isEqualTo(statuses.stream().filter(s -> s == 200).count());
            assertThat(ledgerCost).isEqualTo(ledgerRows * 48_000L).isEqualTo(spent(jdbc, gw.user.id()));
            assertThat(jdbc.sql("select count(distinct request_id) from ledger where user_id = ?").param(gw.user.id())
                    .query(Long.class).single()).isEqualTo(ledgerRows);
        }
    }

    @Test
    void aServerKilledMidStreamHasItsReservationSettledByTheOtherAfterExpiry() throws Exception {
        JdbcClient jdbc = cluster.jdbc();
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(cluster.admin(0))) {
            gw.upstream.replying(r -> Reply.events(OpenAiStreams.words(gw.model, 200), 50));
            HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.server(1).api().base() + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + gw.user.key()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model": "%s", "stream": true, "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]}"""
                            .formatted(gw.model))).build();
            String requestId;
            String rest;
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                requestId = response.headers().firstValue("x-request-id").orElseThrow();
                try (InputStream body = response.body()) {
                    assertThat(new String(body.readNBytes(40))).startsWith("data: ");
                    // admitted on the server's lease, the call is recorded a moment later
                    assertThat(Await.until(() -> LedgerRows.reservations(jdbc, gw.user.id()) == 1, Duration.ofSeconds(10)))
                            .isTrue();
                    cluster.server(1).kill();
                    try {
                        rest = new String(body.readAllBytes());
                    } catch (java.io.IOException broken) {
                        rest = "";
                    }
                }
            }

            Map<String, Object> row = LedgerRows.of(jdbc, requestId);   // after the expiry, by the other server
            assertThat(row).containsEntry("usage_unknown", true).containsEntry("cost_nano", 860_000L);
            assertThat(LedgerRows.reservations(jdbc, gw.user.id())).isZero();
            assertThat(spent(jdbc, gw.user.id())).isEqualTo(860_000L);
            assertThat(rest).as("the client's stream broke off: no end of answer").doesNotContain("[DONE]")
                    .doesNotContain("finish_reason\":\"stop");
        }
    }

    @Test
    void aRateLimitHoldsAcrossBothServers() throws Exception {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(cluster.admin(0))) {
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            String keyId = cluster.admin(0).get("/api/v1/system/users/" + gw.user.id() + "/api-keys").json()
                    .get("data").get(0).get("id").stringValue();
            TestResponse set = cluster.admin(1).put("/api/v1/system/users/" + gw.user.id() + "/api-keys/" + keyId
                    + "/rate-limits", "{\"requestsPerMinute\": 5}");
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            String body = """
                    {"model": "%s", "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(gw.model);
            List<TestApi> servers = List.of(cluster.server(0).api().withKey(gw.user.key()),
                    cluster.server(1).api().withKey(gw.user.key()));

            while (java.time.LocalTime.now().getSecond() >= 55) {
                Thread.sleep(500);   // all in one minute's window
            }

            List<Integer> statuses = Race.run(16, i -> () -> servers.get(i % 2).post("/v1/chat/completions", body).status());

            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(5);
            assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(11);
            assertThat(gw.upstream.requests()).hasSize(5);
        }
    }

    private static long inUse(JdbcClient jdbc, UUID user) {
        return jdbc.sql("""
                select managed_spent_nano + managed_reserved_nano from spend_windows
                where user_id = ? and period = 'day' and starts = (now() at time zone 'UTC')::date""")
                .param(user).query(Long.class).optional().orElse(0L);
    }


    private static long reserved(JdbcClient jdbc, UUID user) {
        return jdbc.sql("""
                select reserved_nano + managed_reserved_nano from spend_windows
                where user_id = ? and period = 'day' and starts = (now() at time zone 'UTC')::date""")
                .param(user).query(Long.class).single();
    }

    private static long spent(JdbcClient jdbc, UUID user) {
        return jdbc.sql("""
                select spent_nano from spend_windows
                where user_id = ? and period = 'day' and starts = (now() at time zone 'UTC')::date""")
                .param(user).query(Long.class).single();
    }
}
