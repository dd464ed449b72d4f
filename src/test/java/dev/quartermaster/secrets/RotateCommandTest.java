package dev.quartermaster.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.QuartermasterApplication;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.ScratchDatabase;
import dev.quartermaster.support.TestApi;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The rotation command as an operator runs it (a whole application in command mode), on a
 * database whose previous rotation stopped after the last row but before the switch: it finishes,
 * and the server then starts with the new key and still knows its API keys.
 */
@QuartermasterTest
class RotateCommandTest {

    private static final String ADMIN_KEY = "qm_rotation-admin-key-0123456789abcdef";

    @Autowired
    DataSource serverDataSource;

    @Test
    void anInterruptedRotationIsFinishedByRunningTheCommandAgain() {
        String oldKey = randomKey();
        String newKey = randomKey();
        try (ScratchDatabase database = new ScratchDatabase(serverDataSource)) {
            run(database, oldKey, null, false).close();
            KeyRotation rotation = new KeyRotation(new VaultStore(database.jdbc()), database.transactions());
            long secrets = database.jdbc().sql("select count(*) from vault_secrets").query(Long.class).single();
            AtomicInteger done = new AtomicInteger();
            assertThatThrownBy(() -> rotation.rotate(MasterKey.fromBase64(oldKey, "old"), MasterKey.fromBase64(newKey, "new"),
                    id -> {
                        if (done.incrementAndGet() == secrets) {
                            throw new IllegalStateException("crash after the last row");
                        }
                    })).hasMessage("crash after the last row");

            run(database, oldKey, newKey, false).close();

            try (ConfigurableApplicationContext server = run(database, newKey, null, true)) {
                int port = ((WebServerApplicationContext) server).getWebServer().getPort();
                assertThat(TestApi.at(port).withKey(ADMIN_KEY).get("/api/v1/system/me").status()).isEqualTo(200);
            }
            assertThat(database.jdbc().sql("select count(*) from vault_secrets where key_id <> ?")
                    .param(MasterKey.fromBase64(newKey, "new").id()).query(Long.class).single()).isZero();
        }
    }

    private static ConfigurableApplicationContext run(ScratchDatabase database, String masterKey, String newMasterKey,
                                                      boolean web) {
        List<String> args = new ArrayList<>(List.of(
                "--qm.database.url=" + database.url(),
                "--qm.database.username=" + database.username(),
                "--qm.master-key=" + masterKey,
                "--qm.bootstrap.admin-key=" + ADMIN_KEY,
                "--qm.data-dir=target/test-data/" + Names.unique("rotate"),
                "--server.port=0", "--server.address=127.0.0.1",
                "--logging.structured.format.console="));
        if (database.password() != null) {
            args.add("--qm.database.password=" + database.password());
        }
        SpringApplicationBuilder app = new SpringApplicationBuilder(QuartermasterApplication.class);
        if (newMasterKey != null) {
            args.add("--qm.new-master-key=" + newMasterKey);
            app.properties("qm.command=" + VaultKeyCheck.ROTATE_COMMAND);
        }
        return app.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE).run(args.toArray(String[]::new));
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
