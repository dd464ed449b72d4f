package dev.quartermaster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.ServerProcess;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as operators run it, on the embedded database: first start, kill -9 and
 * restart, graceful stop, and the master key rotation command.
 */
class ServerProcessIT {

    Path dataDir;

    @BeforeEach
    void setUp() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "it-data"));
        dataDir = Files.createTempDirectory(root, "server-").toAbsolutePath();
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillAndTheNextStartSucceeds() throws Exception {
        String adminKey;
        List<String> acknowledged = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(dataDir, Map.of()).awaitHealthy()) {
            adminKey = server.generatedAdminKey();
            assertThat(adminKey).as("the generated admin key is printed once").isNotNull();
            TestApi admin = server.api().withKey(adminKey);
            for (int i = 0; i < 25; i++) {
                TestResponse created = admin.post("/api/v1/system/users", "{\"username\": \"durable-" + i + "\"}");
                assertThat(created.status()).isEqualTo(201);
                acknowledged.add("durable-" + i);
            }
            server.kill();
        }
        assertThat(postmasterAlive()).as("the embedded PostgreSQL outlives a killed server").isTrue();

        try (ServerProcess restarted = ServerProcess.start(dataDir, Map.of()).awaitHealthy()) {
            TestResponse users = restarted.api().withKey(adminKey).get("/api/v1/system/users?limit=1000");

            assertThat(users.status()).isEqualTo(200);
            assertThat(users.json().get("data").findValuesAsString("username")).containsAll(acknowledged);
            assertThat(restarted.generatedAdminKey()).as("no second admin on a database that has users").isNull();
            assertThat(restarted.stop()).isNotEqualTo(-1);
        }
        assertThat(postmasterAlive()).as("a graceful stop stops the embedded PostgreSQL").isFalse();
    }

    @Test
    void theRotationCommandReSealsEverythingUnderTheNewKey() throws Exception {
        String oldKey = randomKey();
        String newKey = randomKey();
        String adminKey = "qm_operator-chosen-admin-key-for-rotation-test";
        try (ServerProcess server = ServerProcess.start(dataDir,
                Map.of("QM_MASTER_KEY", oldKey, "QM_BOOTSTRAP_ADMIN_KEY", adminKey)).awaitHealthy()) {
            assertThat(server.api().withKey(adminKey).get("/api/v1/system/me").status()).isEqualTo(200);
            server.stop();
        }

        int exit = ServerProcess.run(dataDir, Map.of("QM_MASTER_KEY", oldKey, "QM_NEW_MASTER_KEY", newKey),
                "rotate-master-key");

        assertThat(exit).isZero();
        try (ServerProcess refused = ServerProcess.start(dataDir, Map.of("QM_MASTER_KEY", oldKey))) {
            assertThat(waitForExit(refused)).as("the old key no longer starts the server").isTrue();
            assertThat(refused.output()).contains("is not the master key this database was sealed with");
        }
        try (ServerProcess server = ServerProcess.start(dataDir, Map.of("QM_MASTER_KEY", newKey)).awaitHealthy()) {
            assertThat(server.api().withKey(adminKey).get("/api/v1/system/me").status())
                    .as("API keys still verify: the pepper was re-sealed, not replaced").isEqualTo(200);
            server.stop();
        }
    }

    private boolean waitForExit(ServerProcess process) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                process.awaitHealthy();
                return false;
            } catch (IllegalStateException exited) {
                return true;
            }
        }
        return false;
    }

    private boolean postmasterAlive() throws Exception {
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return false;
        }
        long id = Long.parseLong(Files.readAllLines(pid).getFirst().strip());
        Optional<ProcessHandle> handle = ProcessHandle.of(id);
        return handle.isPresent() && handle.get().isAlive();
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
