package dev.quartermaster.catalog;

import static dev.quartermaster.catalog.CatalogFixtures.MODELS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.catalog.export.ExportRetention;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.Race;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import dev.quartermaster.support.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exports cannot exhaust the server: a user runs one at a time and a bounded number an hour, exports
 * are deleted after the retention period or by their owner, and exports waiting on the database
 * leave the rest of the API its connections.
 */
@QuartermasterTest
class ExportLimitsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ExportRetention retention;

    @Test
    void tooManyRecentExportsAreRefusedWithRetryAfter(TestApi api) {
        TestUser reader = TestUsers.create(api, "free", "models.read");
        for (int i = 0; i < 20; i++) {
            jdbc.sql("""
                    insert into catalog_uploads (owner_id, file_name, row_count, size_bytes, created_at)
                    values (?, 'earlier.csv', 0, 0, now() - interval '10 minutes')
                    """).param(reader.id()).update();
        }

        TestResponse refused = api.withKey(reader.key()).post(MODELS + "export", "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(api.asAdmin().post(MODELS + "export", "{}").status()).as("others are not refused").isEqualTo(200);
    }

    @Test
    void aUserRunsOneExportAtATimeAndTenAtOnceLeaveTheApiWorking(TestApi api) throws Exception {
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(TestUsers.create(api, "free", "models.read", "users.read"));
        }
        CompletableFuture<List<TestResponse>> exports;
        TestResponse second;
        List<TestResponse> others;
        try (Connection blocker = dataSource.getConnection(); Statement sql = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            // every export now waits for the catalog, holding whatever it took, until the lock goes
            sql.execute("lock table catalog_models in access exclusive mode");
            exports = CompletableFuture.supplyAsync(() -> race(users, user -> api.withKey(user.key())
                    .post(MODELS + "export", "{}")));
            Thread.sleep(1500);
            second = api.withKey(users.getFirst().key()).post(MODELS + "export", "{}");
            // fresh users: their credentials are not cached, so authenticating them needs the database
            others = race(users.subList(0, 5), user -> api.withKey(TestUsers.create(api, "free", "users.read").key())
                    .get("/api/v1/system/users?limit=5"));
            blocker.rollback();
        }

        assertThat(others).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
        assertThat(second.status()).as(second.body()).isIn(429, 503);
        assertThat(second.header("Retry-After")).isNotNull();
        List<Integer> statuses = exports.get().stream().map(TestResponse::status).toList();
        assertThat(statuses).as("each export finished or was refused for later").allMatch(s -> s == 200 || s == 503)
                .contains(200);
    }

    @Test
    void anExportPastItsRetentionIsDeleted(TestApi api) {
        TestApi admin = api.asAdmin();
        String uploadId = admin.post(MODELS + "export", "{}").json().get("upload_id").stringValue();
        jdbc.sql("update catalog_uploads set created_at = now() - interval '25 hours' where id = ?::uuid")
                .param(uploadId).update();

        assertThat(retention.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(admin.get("/api/v5/uploads/" + uploadId).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from catalog_upload_chunks where upload_id = ?::uuid").param(uploadId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anOwnerDeletesTheirExportAndNoOneElseCan(TestApi api) {
        TestUser other = TestUsers.create(api, "free", "models.read");
        TestApi admin = api.asAdmin();
        String uploadId = admin.post(MODELS + "export", "{}").json().get("upload_id").stringValue();

        TestResponse byOther = api.withKey(other.key()).delete("/api/v5/uploads/" + uploadId);
        assertThat(byOther.status()).isEqualTo(404);
        assertThat(admin.get("/api/v5/uploads/" + uploadId).status()).isEqualTo(200);

        assertThat(admin.delete("/api/v5/uploads/" + uploadId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v5/uploads/" + uploadId).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v5/uploads/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private static <I> List<TestResponse> race(List<I> items, java.util.function.Function<I, TestResponse> call) {
        try {
            return Race.each(items, call);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
