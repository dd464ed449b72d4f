package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.support.Await;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.LedgerRows;
import dev.quartermaster.support.ProviderFakes;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which price and which limits a call meets: versions, key sources, missing prices, quotes, the sweep. */
@QuartermasterTest
class MeteringRulesTest {

    private static final String HELLO = """
            {"model": "%s", "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]}""";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPriceChangedWhileACallIsInFlightLeavesThatCallAtItsOldPrice(TestApi api) throws Exception {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            CountDownLatch inFlight = new CountDownLatch(1);
            CountDownLatch repriced = new CountDownLatch(1);
            gw.upstream.replying(r -> {
                inFlight.countDown();
                await(repriced);
                return Reply.json(200, OpenAiStreams.completion(gw.model, "Hello"));
            });
            CompletableFuture<TestResponse> call = CompletableFuture.supplyAsync(
                    () -> gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model)));
            assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
            TestResponse changed = api.asAdmin().patch("/api/v1/system/catalog/pricing/" + gw.pricingId,
                    "{\"inputPricePerMillion\": 20, \"outputPricePerMillion\": 80}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            repriced.countDown();
            TestResponse old = call.get(20, TimeUnit.SECONDS);

            TestResponse after = gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));

            assertThat(LedgerRows.of(jdbc, old.header("x-request-id"))).containsEntry("pricing_version", 1).containsEntry("cost_nano", 48_000L);
            assertThat(LedgerRows.of(jdbc, after.header("x-request-id"))).containsEntry("pricing_version", 2)
                    .containsEntry("cost_nano", 480_000L);
        }
    }

    @Test
    void aUsersOwnKeySkipsTheAdminsLimitsButNotTheirPersonalCap(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.of(api, "openai", "/v1", "free", "[\"chat\"]")) {
            TestUsers.TestUser owner = TestUsers.create(api, "free");
            TestApi user = api.withKey(owner.key());
            assertThat(user.post("/v1/ai/keys", "{\"provider\": \"openai\", \"api_key\": \"good-byok-" + gw.model + "\"}")
                    .status()).isEqualTo(201);
            ProviderFakes.onCall(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            assertThat(api.asAdmin().patch("/api/v1/system/budgets/users/" + owner.id(), "{\"dailyLimit\": 0}").status())
                    .isEqualTo(200);

            TestResponse paidByOwnKey = user.post("/v1/chat/completions", HELLO.formatted(gw.model));
            assertThat(paidByOwnKey.status()).as(paidByOwnKey.body()).isEqualTo(200);
            assertThat(LedgerRows.of(jdbc, paidByOwnKey.header("x-request-id"))).containsEntry("key_source", "byok")
                    .containsEntry("cost_nano", 48_000L);

            assertThat(user.put("/v1/ai/preferences/budget", "{\"daily_limit\": 0}").status()).isEqualTo(200);
            TestResponse capped = user.post("/v1/chat/completions", HELLO.formatted(gw.model));
            assertThat(capped.status()).as(capped.body()).isEqualTo(400);
            assertThat(capped.json().at("/error/code").stringValue()).isEqualTo("request_exceeds_budget");
        }
    }

    @Test
    void aModelWithoutAPriceIsRefusedToManagedKeysAndMeteredInTokensForOwnKeys(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.of(api, "openai", "/v1", "free", "[\"chat\"]")) {
            jdbc.sql("delete from catalog_model_taxonomy where model_id = ?::uuid").param(gw.modelId).update();
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));

            TestResponse managed = gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));
            assertThat(managed.status()).as(managed.body()).isEqualTo(403);
            assertThat(managed.json().at("/error/code").stringValue()).isEqualTo("model_not_priced");
            assertThat(gw.upstream.requests()).isEmpty();

            TestApi user = api.withKey(TestUsers.create(api, "free").key());
            assertThat(user.post("/v1/ai/keys", "{\"provider\": \"openai\", \"api_key\": \"good-byok-" + gw.model + "\"}")
                    .status()).isEqualTo(201);
            ProviderFakes.onCall(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            TestResponse own = user.post("/v1/chat/completions", HELLO.formatted(gw.model));
            assertThat(own.status()).as(own.body()).isEqualTo(200);
            assertThat(LedgerRows.of(jdbc, own.header("x-request-id"))).containsEntry("cost_nano", 0L)
                    .containsEntry("input_tokens", 12L).containsEntry("output_tokens", 3L)
                    .containsEntry("pricing_entry_id", null);
        }
    }

    @Test
    void theQuoteIsTheReservationTheRealCallMakes(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            List<Long> reserved = new ArrayList<>();
            gw.upstream.replying(r -> {
                // a call admitted on the server's budget lease is recorded a moment after its admission
                Await.until(() -> LedgerRows.reservations(jdbc, gw.user.id()) > 0, Duration.ofSeconds(10));
                reserved.add(jdbc.sql("select amount_nano from reservations where user_id = ?").param(gw.user.id())
                        .query(Long.class).single());
                return Reply.json(200, OpenAiStreams.completion(gw.model, "Hello"));
            });
            String body = """
                    {"model": "%s", "max_tokens": 300, "messages": [{"role": "system", "content": "Be brief."},
                     {"role": "user", "content": "Grüß dich"}]}""".formatted(gw.model);

            TestResponse quote = gw.as(api).post("/v1/ai/quote", body);
            TestResponse call = gw.as(api).post("/v1/chat/completions", body);

            assertThat(quote.status()).as(quote.body()).isEqualTo(200);
            assertThat(call.status()).as(call.body()).isEqualTo(200);
            // 16 + (8 + "system" + "Be brief.") + (8 + "user" + 11 bytes) = 62 in at 2,000, 300 out at 8,000
            assertThat(reserved).containsExactly(2_524_000L);
            assertThat(quote.json().at("/reserved/amount").decimalValue()).isEqualByComparingTo("0.002524");
            assertThat(quote.json().at("/reserved/input_tokens").longValue()).isEqualTo(62);
            assertThat(quote.json().get("model").stringValue()).isEqualTo(gw.model);
            assertThat(quote.json().get("provider").stringValue()).isEqualTo("openai_like");
            assertThat(quote.json().get("key_source").stringValue()).isEqualTo("managed");
            assertThat(quote.json().get("admitted").booleanValue()).isTrue();
            LedgerRows.of(jdbc, call.header("x-request-id"));
            assertThat(jdbc.sql("select count(*) from ledger where user_id = ?").param(gw.user.id()).query(Long.class)
                    .single()).as("the quote is not a call").isEqualTo(1);
        }
    }

    @Test
    void aQuoteSaysWhyTheCallWouldBeRefused(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            assertThat(api.asAdmin().patch("/api/v1/system/budgets/users/" + gw.user.id(), "{\"dailyLimit\": 0.01}")
                    .status()).isEqualTo(200);

            TestResponse quote = gw.as(api).post("/v1/ai/quote", """
                    {"model": "%s", "max_tokens": 5000, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(gw.model));

            assertThat(quote.status()).as(quote.body()).isEqualTo(200);
            assertThat(quote.json().get("admitted").booleanValue()).isFalse();
            assertThat(quote.json().get("refusal").stringValue()).isEqualTo("request_exceeds_budget");
            assertThat(quote.json().get("detail").stringValue()).contains("max_tokens");
            assertThat(jdbc.sql("select count(*) from reservations where user_id = ?").param(gw.user.id())
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void aReservationPastItsExpiryIsSettledAtItsFullAmountFlaggedUsageUnknown(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            String requestId = abandoned(gw);

            Sweeps.all(jdbc);   // the server's own sweep may come first

            Map<String, Object> row = LedgerRows.of(jdbc, requestId);
            assertThat(row).containsEntry("usage_unknown", true).containsEntry("cost_nano", 2_000L * 100 + 8_000L * 1000)
                    .containsEntry("attempt", 0).containsEntry("streamed", true);
            assertThat(jdbc.sql("select qm_settle(?, '[]'::jsonb)").param(requestId).query(Long.class).optional())
                    .as("a late settlement of a swept call is a no-op").isEmpty();
            assertThat(jdbc.sql("select count(*) from ledger where request_id = ?").param(requestId).query(Long.class)
                    .single()).isEqualTo(1);
            assertThat(jdbc.sql("select reserved_nano from spend_windows where user_id = ? and period = 'month'")
                    .param(gw.user.id()).query(Long.class).single()).isZero();
        }
    }

    @Test
    void theLedgerCannotBeChangedOrDeleted(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            String requestId = abandoned(gw);
            Sweeps.all(jdbc);
            LedgerRows.of(jdbc, requestId);

            assertThatThrownBy(() -> jdbc.sql("update ledger set cost_nano = 0 where request_id = ?").param(requestId).update())
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("delete from ledger where request_id = ?").param(requestId).update())
                    .hasMessageContaining("append-only");
        }
    }

    /** A reservation of 100 tokens in and 1,000 out whose server never settled it, already expired. */
    private String abandoned(GatewayFixture gw) {
        String requestId = "req_abandoned_" + UUID.randomUUID();
        Map<String, Object> reserved = jdbc.sql("""
                select * from qm_reserve(?, ?, ?::uuid, true, 100, 1000, -1, false, null, ?, 'openai_like', null, 'managed', true)""")
                .params(requestId, gw.user.id(), gw.modelId, gw.model).query().singleRow();
        assertThat(reserved).containsEntry("outcome", "ok");
        return requestId;
    }

    @Test
    void anApiKeysRateLimitRefusesWith429AndItsHeadersInEachRoutesDialect(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            String keyId = api.asAdmin().get("/api/v1/system/users/" + gw.user.id() + "/api-keys").json()
                    .get("data").get(0).get("id").stringValue();
            TestResponse set = api.asAdmin().put("/api/v1/system/users/" + gw.user.id() + "/api-keys/" + keyId + "/rate-limits",
                    "{\"requestsPerMinute\": 2}");
            assertThat(set.status()).as(set.body()).isEqualTo(200);

            TestResponse first = gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));
            TestResponse second = gw.as(api).post("/v1/messages", HELLO.formatted(gw.model));
            TestResponse third = gw.as(api).post("/v1/chat/completions", HELLO.formatted(gw.model));

            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.header("x-ratelimit-limit-requests")).isEqualTo("2");
            assertThat(first.header("x-ratelimit-remaining-requests")).isEqualTo("1");
            assertThat(second.status()).as(second.body()).isEqualTo(200);
            assertThat(second.header("anthropic-ratelimit-requests-remaining")).isEqualTo("0");
            assertThat(third.status()).as(third.body()).isEqualTo(429);
            assertThat(third.header("Retry-After")).isNotBlank();
            assertThat(third.header("x-ratelimit-remaining-requests")).isEqualTo("0");
            assertThat(third.json().at("/error/code").stringValue()).isEqualTo("rate_limit_exceeded");
            assertThat(gw.upstream.requests()).hasSize(2);
        }
    }


    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
