package dev.quartermaster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.gateway.OpenAiStreams;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.ServerProcess;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A backup of the embedded database ({@code backup}), restored into a fresh data directory that
 * holds the same master key ({@code restore}): the server starts on it and every secret still opens.
 */
class BackupRestoreIT {

    private static final Map<String, String> ENV = Map.of("QM_BOOTSTRAP_ADMIN_KEY", TestSettings.ADMIN_KEY);
    private static final String CALL = """
            {"model": "%s", "max_tokens": 10, "messages": [{"role": "user", "content": "Hi"}]}""";

    @Test
    void aRestoredBackupServesItsUsersAndOpensItsSecretsWithTheSameMasterKey() throws Exception {
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "backup-")
                .toAbsolutePath();
        Path original = Files.createDirectories(root.resolve("original"));
        Path fresh = Files.createDirectories(root.resolve("fresh"));
        Path backup = root.resolve("quartermaster.backup");
        GatewayFixture gw;
        long calls;
        try (ServerProcess server = ServerProcess.start(original, ENV).awaitHealthy()) {
            gw = GatewayFixture.openAiCompatible(server.api());
            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Hello")));
            assertThat(server.api().withKey(gw.user.key()).post("/v1/chat/completions", CALL.formatted(gw.model)).status())
                    .isEqualTo(200);
            calls = gw.upstream.requests().size();
            server.stop();
        }

        assertThat(ServerProcess.run(original, ENV, "backup", backup.toString())).isZero();
        assertThat(Files.readString(backup)).as("no secret in clear").doesNotContain(gw.managedKey);
        Files.copy(original.resolve("master.key"), fresh.resolve("master.key"), StandardCopyOption.COPY_ATTRIBUTES);
        assertThat(ServerProcess.run(fresh, ENV, "restore", backup.toString())).isZero();

        try (gw; ServerProcess restored = ServerProcess.start(fresh, ENV).awaitHealthy()) {
            TestApi user = restored.api().withKey(gw.user.key());
            TestResponse call = user.post("/v1/chat/completions", CALL.formatted(gw.model));

            assertThat(call.status()).as(call.body()).isEqualTo(200);
            assertThat(gw.upstream.lastRequest().header("authorization")).as("the managed key opened")
                    .isEqualTo("Bearer " + gw.managedKey);
            assertThat(restored.api().asAdmin().get("/api/v1/system/usage/requests?user=" + gw.user.id()).json()
                    .get("data")).as("the ledger came along, and the new call is beside it").hasSize((int) calls + 1);
            assertThat(restored.generatedAdminKey()).isNull();
            restored.stop();
        }
    }
}
