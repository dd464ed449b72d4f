package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Await;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.LedgerRows;
import dev.quartermaster.support.QuartermasterTest;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Streams are metered from their final usage event, and estimated (never zero) when it never comes. */
@QuartermasterTest
class MeteredStreamsTest {

    private static final String STREAM = """
            {"model": "%s", "stream": true, "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]}""";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStreamIsMeteredFromItsFinalUsageEventEvenWhenTheClientDidNotAskForUsage(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.events(OpenAiStreams.stream(gw.model, "Hel", "lo"), 0));

            TestResponse answer = gw.as(api).post("/v1/chat/completions", STREAM.formatted(gw.model));

            assertThat(answer.body()).doesNotContain("usage");
            // 12 in, 2 out: 24,000 + 16,000
            assertThat(LedgerRows.of(jdbc, answer.header("x-request-id"))).containsEntry("streamed", true)
                    .containsEntry("input_tokens", 12L).containsEntry("output_tokens", 2L)
                    .containsEntry("cost_nano", 40_000L).containsEntry("estimated", false);
            assertThat((Integer) LedgerRows.of(jdbc, answer.header("x-request-id")).get("ttft_ms")).isNotNull();
        }
    }

    @Test
    void aStreamWhoseUpstreamNeverReportsUsageIsEstimatedFromItsBoundsAndWhatWasRelayed(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.events(List.of(
                    OpenAiStreams.chunk(gw.model, "{\"content\": \"Grüß\"}", null),
                    OpenAiStreams.chunk(gw.model, "{}", "\"stop\""), "data: [DONE]\n\n"), 0));

            TestResponse answer = gw.as(api).post("/v1/chat/completions", STREAM.formatted(gw.model));

            assertThat(answer.status()).isEqualTo(200);
            // the input bound (16 + 8 + "user" + "Hi" = 30) and the 6 bytes relayed: 60,000 + 48,000
            assertThat(LedgerRows.of(jdbc, answer.header("x-request-id"))).containsEntry("estimated", true)
                    .containsEntry("input_tokens", 30L).containsEntry("output_tokens", 6L)
                    .containsEntry("cost_nano", 108_000L);
        }
    }

    @Test
    void aClientThatLeavesMidStreamIsChargedTheInputAndTheOutputSentSoFarNeverZero(TestApi api) throws Exception {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            gw.upstream.replying(r -> Reply.events(OpenAiStreams.words(gw.model, 100), 50));
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + gw.user.key()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(STREAM.formatted(gw.model))).build();
            String requestId;
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                requestId = response.headers().firstValue("x-request-id").orElseThrow();
                try (InputStream body = response.body()) {
                    assertThat(new String(body.readNBytes(40))).startsWith("data: ");
                }
            }

            Map<String, Object> row = LedgerRows.of(jdbc, requestId);
            assertThat(row).containsEntry("estimated", true).containsEntry("input_tokens", 30L);
            assertThat((Long) row.get("output_tokens")).isPositive().isLessThan(100 * 4);
            assertThat((Long) row.get("cost_nano")).isGreaterThan(60_000L);
            assertThat(Await.until(() -> gw.upstream.abortedStreams() == 1, Duration.ofSeconds(10))).isTrue();
            assertThat(LedgerRows.reservations(jdbc, gw.user.id())).isZero();
        }
    }

    @Test
    void aSpentBudgetIsABillingErrorOnMessagesAndEmbeddingsAreMeteredOnTheirInputAlone(TestApi api) {
        try (GatewayFixture chat = GatewayFixture.openAiCompatible(api);
             GatewayFixture embed = GatewayFixture.of(api, "openai_like", "/v1", "free", "[\"embeddings\"]")) {
            embed.upstream.replying(r -> Reply.json(200, """
                    {"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [0.1, 0.2]}],
                     "model": "%s", "usage": {"prompt_tokens": 2, "total_tokens": 2}}""".formatted(embed.model)));
            TestResponse embedded = embed.as(api).post("/v1/embeddings",
                    "{\"model\": \"" + embed.model + "\", \"input\": \"Grüß\"}");
            assertThat(embedded.status()).as(embedded.body()).isEqualTo(200);
            assertThat(TestApi.json(embed.upstream.lastRequest().body()).has("max_tokens")).isFalse();
            assertThat(LedgerRows.of(jdbc, embedded.header("x-request-id"))).containsEntry("input_tokens", 2L)
                    .containsEntry("cost_nano", 4_000L).containsEntry("estimated", false);

            assertThat(api.asAdmin().patch("/api/v1/system/budgets/users/" + chat.user.id(), "{\"dailyLimit\": 0.01}")
                    .status()).isEqualTo(200);
            jdbc.sql("""
                    insert into spend_windows (user_id, period, starts, spent_nano, managed_spent_nano)
                    values (?, 'day', (now() at time zone 'UTC')::date, 9990000, 9990000)""").param(chat.user.id()).update();
            TestResponse refused = chat.as(api).post("/v1/messages", """
                    {"model": "%s", "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(chat.model));

            assertThat(refused.status()).as(refused.body()).isEqualTo(402);
            assertThat(refused.json().at("/error/type").stringValue()).isEqualTo("billing_error");
            assertThat(refused.json().at("/error/message").stringValue()).contains("daily limit of 0.01 USD");
            assertThat(chat.upstream.requests()).isEmpty();
        }
    }

    @Test
    void aMessagesCallOverBudgetIsRefusedInAnthropicsShape(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            assertThat(api.asAdmin().patch("/api/v1/system/budgets/users/" + gw.user.id(), "{\"dailyLimit\": 0}").status())
                    .isEqualTo(200);
            jdbc.sql("insert into spend_windows (user_id, period, starts) values (?, 'day', (now() at time zone 'UTC')::date)")
                    .param(gw.user.id()).update();

            TestResponse refused = gw.as(api).post("/v1/messages", """
                    {"model": "%s", "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]}""".formatted(gw.model));

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("type").stringValue()).isEqualTo("error");
            assertThat(refused.json().at("/error/type").stringValue()).isEqualTo("invalid_request_error");
            assertThat(refused.json().at("/error/message").stringValue()).contains("max_tokens");
            assertThat(gw.upstream.requests()).isEmpty();
        }
    }


}
