package dev.quartermaster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.gateway.OpenAiStreams;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.ProviderFakes;
import dev.quartermaster.support.ServerCluster;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestCatalog;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import dev.quartermaster.support.TestUsers.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A change made through one server process is seen by another within a second: each server holds
 * what it reads in memory and drops it when PostgreSQL tells it of the change. Each kind of change
 * is made {@code qm.coherence.rounds} times (1 here; {@code bench/coherence.sh} runs 100 and
 * records the delays' percentiles).
 */
class CoherenceAcrossServersIT {

    private static final Duration PROMISE = Duration.ofSeconds(1);
    private static final int ROUNDS = Integer.getInteger("qm.coherence.rounds", 1);
    private static final String CALL = """
            {"model": "%s", "max_tokens": 10, "messages": [{"role": "user", "content": "Hi"}]}""";

    static ServerCluster cluster;
    static final Map<String, List<Long>> delays = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        ProviderFakes.start();
        // every revoked key's refusal is a failed sign-in from loopback: not a reason to throttle this test's address
        cluster = ServerCluster.start(2, Map.of("QM_PROVIDERS_OPENAI_BASE_URL", ProviderFakes.server().url() + "/openai/v1",
                "QM_AUTH_FAILURE_LIMIT", "1000000"));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
        report();
    }

    private TestApi writer() {
        return cluster.admin(0);
    }

    private TestApi reader() {
        return cluster.server(1).api();
    }

    @Test
    void aRevokedApiKeyIsRefusedByTheOtherServer() {
        for (int i = 0; i < ROUNDS; i++) {
            TestUser user = TestUsers.create(writer(), "free");
            TestApi other = reader().withKey(user.key());
            assertThat(other.get("/v1/models").status()).isEqualTo(200);
            String keyId = writer().get("/api/v1/system/users/" + user.id() + "/api-keys").json().get("data").get(0)
                    .get("id").stringValue();

            assertThat(writer().delete("/api/v1/system/users/" + user.id() + "/api-keys/" + keyId).status()).isLessThan(300);

            seen("API key revoked", () -> other.get("/v1/models").status() == 401);
        }
    }

    @Test
    void aDeletedUserIsRefusedByTheOtherServer() {
        for (int i = 0; i < ROUNDS; i++) {
            TestUser user = TestUsers.create(writer(), "free");
            TestApi other = reader().withKey(user.key());
            assertThat(other.get("/v1/models").status()).isEqualTo(200);

            assertThat(writer().delete("/api/v1/system/users/" + user.id()).status()).isLessThan(300);

            seen("user deleted", () -> other.get("/v1/models").status() == 401);
        }
    }

    @Test
    void aReplacedProviderKeyIsWhatTheOtherServerPaysWith() {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(writer())) {
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            TestApi other = reader().withKey(gw.user.key());
            for (int i = 0; i < ROUNDS; i++) {
                assertThat(other.post("/v1/chat/completions", CALL.formatted(gw.model)).status()).isEqualTo(200);
                String replaced = "sk-replaced-" + Names.unique("key");

                TestResponse patched = writer().patch("/api/v1/system/ai/providers/" + gw.profileId,
                        "{\"apiKey\": \"" + replaced + "\"}");
                assertThat(patched.status()).as(patched.body()).isEqualTo(200);

                seen("provider key replaced", () -> other.post("/v1/chat/completions", CALL.formatted(gw.model)).status() == 200
                        && ("Bearer " + replaced).equals(gw.upstream.lastRequest().header("authorization")));
            }
        }
    }

    @Test
    void aCatalogChangeIsServedByTheOtherServer() {
        String model = Names.unique("coherent");
        String id = TestCatalog.create(writer(), model, "openai", "free", true);
        TestApi other = reader().withKey(TestUsers.create(writer(), "free").key());
        for (int i = 0; i < ROUNDS; i++) {
            boolean active = i % 2 == 1;
            assertThat(other.get("/v1/models/" + model).status()).isEqualTo(active ? 404 : 200);

            TestCatalog.update(writer(), id, "\"active\": " + active);

            seen("catalog model changed", () -> other.get("/v1/models/" + model).status() == (active ? 200 : 404));
        }
    }

    @Test
    void aTierChangeIsServedByTheOtherServer() {
        String model = Names.unique("pro-only");
        TestCatalog.create(writer(), model, "openai", "pro", true);
        TestUser user = TestUsers.create(writer(), "free");
        TestApi other = reader().withKey(user.key());
        for (int i = 0; i < ROUNDS; i++) {
            String tier = i % 2 == 0 ? "pro" : "free";
            assertThat(other.get("/v1/models/" + model).status()).isEqualTo(tier.equals("pro") ? 404 : 200);

            TestResponse moved = writer().patch("/api/v1/system/users/" + user.id(), "{\"tier\": \"" + tier + "\"}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);

            seen("tier changed", () -> other.get("/v1/models/" + model).status() == (tier.equals("pro") ? 200 : 404));
        }
    }

    @Test
    void aDeletedOwnKeyIsNoLongerUsedByTheOtherServer() {
        try (GatewayFixture gw = GatewayFixture.of(writer(), "openai", "/v1", "free", "[\"chat\"]")) {
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            ProviderFakes.onCall(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            TestApi own = cluster.server(0).api().withKey(gw.user.key());
            TestApi other = reader().withKey(gw.user.key());
            for (int i = 0; i < ROUNDS; i++) {
                String key = "good-byok-" + Names.unique("key");
                assertThat(own.post("/v1/ai/keys", "{\"provider\": \"openai\", \"api_key\": \"" + key + "\"}").status())
                        .isEqualTo(201);
                seen("own key added", () -> other.post("/v1/chat/completions", CALL.formatted(gw.model)).status() == 200
                        && ("Bearer " + key).equals(ProviderFakes.server().lastRequest().header("authorization")));
                int managedCalls = gw.upstream.requests().size();

                assertThat(own.delete("/v1/ai/keys/openai").status()).isEqualTo(204);

                seen("own key deleted", () -> other.post("/v1/chat/completions", CALL.formatted(gw.model)).status() == 200
                        && gw.upstream.requests().size() > managedCalls);
            }
        }
    }

    /** Polls the other server until it shows the change: it must within the promise; the delay is recorded. */
    private static void seen(String change, BooleanSupplier shown) {
        long start = System.nanoTime();
        long deadline = start + PROMISE.toNanos();
        while (!shown.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as(change + ": not seen by the other server within " + PROMISE)
                    .isNegative();
        }
        delays.computeIfAbsent(change, c -> new ArrayList<>()).add((System.nanoTime() - start) / 1000);
    }

    /** With more than one round: the delays' percentiles, in target/coherence.md, for the bench. */
    private static void report() throws IOException {
        if (ROUNDS < 2) {
            return;
        }
        StringBuilder table = new StringBuilder("| change | changes | p50 | p99 | max |\n|---|---|---|---|---|\n");
        delays.forEach((change, micros) -> {
            List<Long> sorted = micros.stream().sorted().toList();
            table.append("| %s | %d | %s | %s | %s |%n".formatted(change, sorted.size(), ms(sorted, 0.50), ms(sorted, 0.99),
                    ms(sorted, 1.0)));
        });
        Files.writeString(Path.of("target", "coherence.md"), table);
    }

    private static String ms(List<Long> sorted, double quantile) {
        long micros = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
        return "%.1f ms".formatted(micros / 1000.0);
    }
}
