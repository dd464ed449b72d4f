package dev.quartermaster.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.platform.Changes;
import dev.quartermaster.providers.ProviderProfiles;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Small factories for catalog tests: models, taxonomy entries and provider profiles with fresh names. */
final class CatalogFixtures {

    static final String MODELS = "/api/v5/artifacts/models/";

    private CatalogFixtures() {
    }

    static String unique(String prefix) {
        return TestUsers.uniqueName(prefix).toLowerCase();
    }

    /** Creates one model from the JSON of a create item and returns its result item. */
    static JsonNode create(TestApi api, String itemJson) {
        TestResponse response = api.post(MODELS + "create", "{\"models\": [" + itemJson + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json().get("results").get(0);
        assertThat(result.get("success").booleanValue()).as(response.body()).isTrue();
        return result;
    }

    static UUID createModel(TestApi api, String name, String value) {
        return id(create(api, "{\"name\": \"%s\", \"value\": \"%s\", \"provider\": \"openai\"}".formatted(name, value)),
                "model_id");
    }

    static UUID taxonomy(TestApi api, String kindPath, String name) {
        String body = kindPath.equals("pricing")
                ? "{\"name\": \"%s\", \"inputPricePerMillion\": 2.5, \"outputPricePerMillion\": 10, \"currency\": \"USD\"}"
                .formatted(name)
                : "{\"name\": \"%s\"}".formatted(name);
        TestResponse response = api.post("/api/v1/system/catalog/" + kindPath, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id(response.json().get("data"), "id");
    }

    /** A provider profile row as the providers module stores it (its admin surface is another module's). */
    static UUID profile(JdbcClient jdbc, Changes changes, String provider, String name) {
        UUID id = jdbc.sql("insert into provider_profiles (provider, name, model) values (?, ?, 'm') returning id")
                .params(provider, name).query(UUID.class).single();
        changes.publish(ProviderProfiles.TOPIC);
        return id;
    }

    /** Runs {@code n} calls at once (released together) and returns their answers. */
    static <T> List<T> race(int n, IntFunction<Callable<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> each = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return each.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static UUID id(JsonNode node, String field) {
        return UUID.fromString(node.get(field).stringValue());
    }
}
