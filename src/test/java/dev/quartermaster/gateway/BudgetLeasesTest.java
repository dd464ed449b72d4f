package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Await;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.LedgerRows;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A process admits calls on a lease of the user's budget: in memory, exactly, and it gives the lease back. */
@QuartermasterTest
class BudgetLeasesTest {

    // 30 in (16 + 8 + "user" + "Hi") and 100 out: 60,000 + 800,000 nano-USD reserved per call
    private static final String CALL = """
            {"model": "%s", "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]}""";
    private static final long BOUND = 860_000L;

    @Autowired
    JdbcClient jdbc;

    @Test
    void callsOnALeaseTakeNothingFromTheBudgetOneByOneBeforeTheirUpstreamRequests(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            setDailyLimit(api, gw.user.id(), "0.01");
            List<Long> inUse = new CopyOnWriteArrayList<>();
            gw.upstream.replying(r -> {
                inUse.add(inUse(gw.user.id()));
                return Reply.json(200, OpenAiStreams.completion(gw.model, "Hello"));
            });

            for (int i = 0; i < 4; i++) {
                TestResponse answer = gw.as(api).post("/v1/chat/completions", CALL.formatted(gw.model));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                LedgerRows.of(jdbc, answer.header("x-request-id"));
            }

            // one statement leased 8 calls' worth, capped at the bound plus half of the rest of the 0.01 USD
            long slice = BOUND + (10_000_000L - BOUND) / 2;
            assertThat(inUse).containsExactly(slice, slice, slice, slice);
            assertThat(jdbc.sql("select count(*) from ledger where user_id = ?").param(gw.user.id()).query(Long.class)
                    .single()).isEqualTo(4);
        }
    }

    @Test
    void aLoweredLimitBindsTheNextCallThoughTheLeaseStillHoldsMore(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            setDailyLimit(api, gw.user.id(), "0.01");
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            assertThat(gw.as(api).post("/v1/chat/completions", CALL.formatted(gw.model)).status()).isEqualTo(200);

            setDailyLimit(api, gw.user.id(), "0");
            TestResponse refused = gw.as(api).post("/v1/chat/completions", CALL.formatted(gw.model));

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().at("/error/code").stringValue()).isEqualTo("request_exceeds_budget");
            assertThat(gw.upstream.requests()).hasSize(1);
        }
    }

    @Test
    void anIdleLeaseGoesBackAndLeavesNothingReserved(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            setDailyLimit(api, gw.user.id(), "0.01");
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            TestResponse answer = gw.as(api).post("/v1/chat/completions", CALL.formatted(gw.model));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            LedgerRows.of(jdbc, answer.header("x-request-id"));

            assertThat(Await.until(() -> leases(gw.user.id()) == 0, Duration.ofSeconds(10))).isTrue();
            assertThat(inUse(gw.user.id())).isEqualTo(48_000L);
        }
    }

    @Test
    void aLeaseTakesAtMostHalfOfWhatALimitHasFreeSoOtherProcessesFindRoom(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            setDailyLimit(api, gw.user.id(), "0.01");
            UUID user = gw.user.id();

            assertThat(lease(UUID.randomUUID(), user, 1_000_000, 1_000_000, 100_000_000)).containsEntry("granted", 5_500_000L);
            UUID second = UUID.randomUUID();
            assertThat(lease(second, user, 1_000_000, 1_000_000, 100_000_000)).containsEntry("granted", 2_750_000L);
            assertThat(lease(UUID.randomUUID(), user, 2_000_000, 2_000_000, 2_000_000)).containsEntry("outcome", "in_flight");
            assertThat(lease(UUID.randomUUID(), user, 20_000_000, 20_000_000, 20_000_000))
                    .containsEntry("outcome", "request_exceeds_budget").containsEntry("limit_nano", 10_000_000L);
            assertThat(inUse(user)).isEqualTo(8_250_000L);

            assertThat(jdbc.sql("select qm_lease_return(?)").param(second).query(Long.class).single()).isEqualTo(2_750_000L);
            assertThat(inUse(user)).isEqualTo(5_500_000L);
        }
    }

    @Test
    void aLeaseThatStopsBeingRenewedIsSweptItsRecordedCallsAtTheirFullAmount(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            setDailyLimit(api, gw.user.id(), "0.01");
            UUID user = gw.user.id();
            UUID lease = UUID.randomUUID();
            assertThat(lease(lease, user, BOUND, BOUND, 4 * BOUND)).containsEntry("granted", 4 * BOUND);
            String requestId = "req_" + UUID.randomUUID();
            jdbc.sql("""
                    select qm_hold(jsonb_build_array(jsonb_build_object('request_id', ?, 'user_id', ?, 'managed', true,
                        'amount_nano', ?, 'input_tokens', 30, 'output_tokens', 100, 'model', ?, 'key_source', 'managed',
                        'streamed', true, 'lease_id', ?)), true)""")
                    .params(requestId, user.toString(), BOUND, gw.model, lease.toString()).query().singleRow();
            jdbc.sql("update budget_leases set expires_at = now() - interval '1 second' where id = ?").param(lease).update();

            Sweeps.all(jdbc);   // the server's own sweep may come first

            assertThat(LedgerRows.of(jdbc, requestId)).containsEntry("usage_unknown", true).containsEntry("cost_nano", BOUND);
            assertThat(leases(user)).isZero();
            assertThat(LedgerRows.reservations(jdbc, user)).isZero();
            assertThat(inUse(user)).as("spent the call's bound; the rest of the lease went back").isEqualTo(BOUND);
        }
    }

    private Map<String, Object> lease(UUID lease, UUID user, long amount, long need, long want) {
        return jdbc.sql("select * from qm_lease(?, ?, ?, true, ?, ?, ?, 60, false)")
                .params(lease, UUID.randomUUID(), user, amount, need, want).query().singleRow();
    }

    private long leases(UUID user) {
        return jdbc.sql("select count(*) from budget_leases where user_id = ?").param(user).query(Long.class).single();
    }

    private long inUse(UUID user) {
        return jdbc.sql("""
                select managed_spent_nano + managed_reserved_nano from spend_windows
                where user_id = ? and period = 'day' and starts = (now() at time zone 'UTC')::date""")
                .param(user).query(Long.class).optional().orElse(0L);
    }

    private static void setDailyLimit(TestApi api, UUID user, String usd) {
        TestResponse set = api.asAdmin().patch("/api/v1/system/budgets/users/" + user, "{\"dailyLimit\": " + usd + "}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }
}
