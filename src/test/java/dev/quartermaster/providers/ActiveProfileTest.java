package dev.quartermaster.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Await;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.Race;
import dev.quartermaster.support.SecondServer;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Exactly one active profile, enforced by the database, also when two servers race. */
@QuartermasterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActiveProfileTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProviderProfiles profiles;

    SecondServer second;

    @BeforeAll
    void startSecondServer() {
        second = new SecondServer(dataSource);
    }

    @AfterAll
    void stopSecondServer() {
        second.close();
    }

    @Test
    void activatingOneDeactivatesTheOthersAndDeletingTheActiveLeavesNone(TestApi server) {
        TestApi api = server.asAdmin();
        String first = create(api, true);
        String other = create(api, false);

        TestResponse activated = api.patch("/api/v1/system/ai/providers/" + other, "{\"isActive\": true}");

        assertThat(activated.json().get("data").get("isActive").booleanValue()).isTrue();
        assertThat(api.get("/api/v1/system/ai/providers/" + first).json().get("data").get("isActive").booleanValue()).isFalse();
        assertThat(api.get("/api/v1/system/ai/providers/active").json().get("data").get("id").stringValue()).isEqualTo(other);
        assertThat(api.delete("/api/v1/system/ai/providers/" + other).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/system/ai/providers/active").json().get("data").isNull()).isTrue();
        assertThat(activeCount()).isZero();
    }

    @Test
    void theDatabaseRefusesASecondActiveProfileWhateverTheCode(TestApi server) {
        TestApi api = server.asAdmin();
        String a = create(api, true);
        String b = create(api, false);

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                jdbc.sql("update provider_profiles set is_active = true where id = ?").param(UUID.fromString(b)).update());

        assertThat(refused).hasMessageContaining("provider_profiles_one_active");
        assertThat(activeCount()).isEqualTo(1);
        api.delete("/api/v1/system/ai/providers/" + a);
        api.delete("/api/v1/system/ai/providers/" + b);
    }

    @Test
    void racingActivationsFromTwoServersLeaveExactlyOneActive(TestApi api) throws InterruptedException {
        TestApi one = api.asAdmin();
        TestApi two = second.api().asAdmin();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            ids.add(create(one, false));
        }

        List<Integer> statuses = Race.run(ids.size(), i -> () -> (i % 2 == 0 ? one : two)
                .patch("/api/v1/system/ai/providers/" + ids.get(i), "{\"isActive\": true}").status());

        assertThat(statuses).containsOnly(200);
        assertThat(activeCount()).isEqualTo(1);
        String winner = jdbc.sql("select id::text from provider_profiles where is_active").query(String.class).single();
        assertThat(one.get("/api/v1/system/ai/providers/active").json().get("data").get("id").stringValue()).isEqualTo(winner);
        assertThat(two.get("/api/v1/system/ai/providers/active").json().get("data").get("id").stringValue()).isEqualTo(winner);
        ids.forEach(id -> one.delete("/api/v1/system/ai/providers/" + id));
    }

    @Test
    void theOtherServersInMemoryViewLearnsOfAChangeWithinASecond(TestApi api) {
        ProviderProfiles elsewhere = second.bean(ProviderProfiles.class);
        elsewhere.all();
        String id = create(api.asAdmin(), false);

        assertThat(Await.until(() -> elsewhere.find(UUID.fromString(id)), Optional::isPresent, Duration.ofSeconds(1)))
                .isPresent();
        assertThat(profiles.find(UUID.fromString(id))).as("this server: at once").isPresent();
    }

    private long activeCount() {
        return jdbc.sql("select count(*) from provider_profiles where is_active").query(Long.class).single();
    }

    private static String create(TestApi api, boolean active) {
        TestResponse created = api.post("/api/v1/system/ai/providers", """
                {"name": "p", "apiBaseUrl": "https://api.mistral.ai/v1", "apiKey": "k", "modelName": "m", "isActive": %s}
                """.formatted(active));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("data").get("id").stringValue();
    }
}
