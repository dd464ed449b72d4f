package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.LedgerRows;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.Race;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every call in the ledger once, at its price; budgets bind before the call, exactly, under races. */
@QuartermasterTest
class MeteringTest {

    private static final String HELLO = """
            {"model": "%s", "messages": [{"role": "user", "content": "Hi"}]}""";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWholeCallWritesOneLedgerRowAtItsPriceAndReleasesItsReservation(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));

            TestResponse answer = gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            Map<String, Object> row = LedgerRows.of(jdbc, answer.header("x-request-id"));
            // 12 in (4 of them cached, at the input rate as the entry has no cached rate), 3 out: 24,000 + 24,000
            assertThat(row).containsEntry("cost_nano", 48_000L).containsEntry("input_tokens", 12L)
                    .containsEntry("cached_input_tokens", 4L).containsEntry("output_tokens", 3L)
                    .containsEntry("key_source", "managed").containsEntry("provider", "openai_like")
                    .containsEntry("status", 200).containsEntry("streamed", false).containsEntry("estimated", false)
                    .containsEntry("model", gw.model).containsEntry("pricing_version", 1);
            assertThat(row.get("pricing_entry_id")).hasToString(gw.pricingId);
            assertThat(row.get("api_key_id")).isNotNull();
            assertThat(row.get("raw_usage").toString()).contains("prompt_tokens");
            assertThat(windows(gw.user.id())).containsExactly(48_000L, 0L, 48_000L, 0L);
            assertThat(jdbc.sql("select requests, input_tokens, output_tokens, cost_nano from usage_daily where model = ?")
                    .param(gw.model).query().singleRow()).containsValues(1L, 12L, 3L, 48_000L);
            assertThat(jdbc.sql("select requests, cost_nano from usage_daily_totals where model = ?")
                    .param(gw.model).query().singleRow()).containsValues(1L, 48_000L);
            assertThat(jdbc.sql("select requests, cost_nano from usage_daily_users where user_id = ?")
                    .param(gw.user.id()).query().singleRow()).containsValues(1L, 48_000L);
            assertThat(LedgerRows.reservations(jdbc, gw.user.id())).isZero();
            // the output bound is always sent upstream: the default, as the client set none
            JsonNode sent = TestApi.json(gw.upstream.lastRequest().body());
            assertThat(sent.get("max_tokens").intValue()).isEqualTo(4096);
        }
    }

    @Test
    void aMaxTokensAboveTheContextWindowIsClampedBeforeItIsSent(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));

            TestResponse answer = gw.as(api).post("/v1/chat/completions", """
                    {"model": "%s", "max_completion_tokens": 999999999, "messages": [{"role": "user", "content": "Hi"}]}"""
                    .formatted(gw.model));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode sent = TestApi.json(gw.upstream.lastRequest().body());
            assertThat(sent.get("max_completion_tokens").intValue()).isEqualTo(128_000);
        }
    }

    @Test
    void aSpentBudgetRefusesWith402AndAnOversizedRequestWith400BeforeAnyUpstreamCall(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            setDailyLimit(api, gw.user.id(), "0.05");   // 50,000,000 nano-USD

            TestResponse oversized = gw.as(api).post("/v1/chat/completions", """
                    {"model": "%s", "max_tokens": 100000, "messages": [{"role": "user", "content": "Hi"}]}"""
                    .formatted(gw.model));
            assertThat(oversized.status()).as(oversized.body()).isEqualTo(400);
            assertThat(oversized.json().at("/error/code").stringValue()).isEqualTo("request_exceeds_budget");
            assertThat(oversized.json().at("/error/message").stringValue()).contains("max_tokens").contains("0.05 USD");

            jdbc.sql("update spend_windows set managed_spent_nano = 49000000, spent_nano = 49000000 where user_id = ?")
                    .param(gw.user.id()).update();
            TestResponse refused = gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));
            assertThat(refused.status()).as(refused.body()).isEqualTo(402);
            assertThat(refused.json().at("/error/code").stringValue()).isEqualTo("budget_exceeded");
            assertThat(gw.upstream.requests()).isEmpty();
            assertThat(LedgerRows.settled(jdbc, gw.user.id())).isTrue();
        }
    }

    @Test
    void callsInFlightHoldTheirBoundsSoParallelCallsNeverOverspend(TestApi api) throws Exception {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            // each call reserves 16 + 8 + "user" + "Hi" = 30 in at 2,000 and 100 out at 8,000: 860,000 nano-USD
            long bound = 860_000;
            setDailyLimit(api, gw.user.id(), "0.01");   // room for 11 bounds, not 12
            AtomicLong highest = new AtomicLong();
            gw.upstream.replying(r -> {
                highest.accumulateAndGet(inUse(gw.user.id()), Math::max);
                return Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")).delayed(150);
            });
            String body = """
                    {"model": "%s", "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(gw.model);

            List<Integer> statuses = Race.run(30, i -> () -> gw.as(api).post("/v1/chat/completions", body).status());

            assertThat(statuses).isSubsetOf(200, 429, 402);
            assertThat(LedgerRows.settled(jdbc, gw.user.id())).isTrue();
            assertThat(statuses.stream().filter(s -> s == 200).count()).isPositive();
            assertThat(highest.get()).isLessThanOrEqualTo(10_000_000L).isGreaterThan(bound);
            assertThat(ledgerCost(gw.user.id())).isEqualTo(windows(gw.user.id()).getFirst());
            assertThat(ledgerRows(gw.user.id())).isEqualTo(gw.upstream.requests().size())
                    .isEqualTo(statuses.stream().filter(s -> s == 200).count());
        }
    }

    private void setDailyLimit(TestApi api, UUID user, String usd) {
        TestResponse set = api.asAdmin().patch("/api/v1/system/budgets/users/" + user, "{\"dailyLimit\": " + usd + "}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }



    /** Today's window: spent, reserved, managed spent, managed reserved. */
    private List<Long> windows(UUID user) {
        return jdbc.sql("""
                select spent_nano, reserved_nano, managed_spent_nano, managed_reserved_nano from spend_windows
                where user_id = ? and period = 'day' and starts = (now() at time zone 'UTC')::date""")
                .param(user).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    private long inUse(UUID user) {
        return jdbc.sql("""
                select managed_spent_nano + managed_reserved_nano from spend_windows
                where user_id = ? and period = 'day' and starts = (now() at time zone 'UTC')::date""")
                .param(user).query(Long.class).optional().orElse(0L);
    }


    private long ledgerCost(UUID user) {
        return jdbc.sql("select coalesce(sum(cost_nano), 0) from ledger where user_id = ?").param(user).query(Long.class).single();
    }

    private long ledgerRows(UUID user) {
        return jdbc.sql("select count(*) from ledger where user_id = ?").param(user).query(Long.class).single();
    }
}
