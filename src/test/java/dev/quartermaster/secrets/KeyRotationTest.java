package dev.quartermaster.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.platform.StartupRefusedException;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.ScratchDatabase;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rotation runs against a scratch database: it changes the master key, which the shared server must keep. */
@QuartermasterTest
class KeyRotationTest {

    private static final String UNCHANGED_COLUMNS =
            "select id, owner_table, owner_id, field, created_at, updated_at from vault_secrets order by id";

    @Autowired
    DataSource serverDataSource;

    ScratchDatabase database;
    JdbcClient jdbc;
    MasterKey oldKey = randomKey();
    MasterKey newKey = randomKey();

    @BeforeEach
    void setUp() {
        database = new ScratchDatabase(serverDataSource);
        jdbc = database.jdbc();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aRotationInterruptedBetweenTwoRowsFinishesWhenRunAgain() {
        Vault before = vault(oldKey);
        List<SecretOwner> owners = List.of(owner(), owner(), owner());
        owners.forEach(o -> before.put(o, "secret of " + o.rowId()));
        List<Map<String, Object>> rowsBefore = jdbc.sql(UNCHANGED_COLUMNS).query().listOfRows();
        KeyRotation rotation = new KeyRotation(new VaultStore(jdbc), database.transactions());
        AtomicInteger done = new AtomicInteger();

        assertThatThrownBy(() -> rotation.rotate(oldKey, newKey, id -> {
            if (done.incrementAndGet() == 1) {
                throw new IllegalStateException("crash between two rows");
            }
        })).hasMessage("crash between two rows");

        assertThat(keyIds()).containsEntry(newKey.id(), 1L).containsEntry(oldKey.id(), 2L);
        assertThatThrownBy(() -> check(oldKey).verify()).hasMessageContaining("did not finish");
        assertThatThrownBy(() -> check(newKey).verify()).hasMessageContaining("did not finish");

        assertThat(rotation.rotate(oldKey, newKey, id -> { })).isEqualTo(2);

        Vault after = vault(newKey);
        owners.forEach(o -> assertThat(after.open(o)).contains("secret of " + o.rowId()));
        assertThat(jdbc.sql(UNCHANGED_COLUMNS).query().listOfRows()).isEqualTo(rowsBefore);
        assertThat(rotation.rotate(oldKey, newKey, id -> { })).as("a finished rotation is a no-op").isZero();
    }

    @Test
    void theServerRefusesToStartWithAnotherMasterKeyAndChangesNothing() {
        vault(oldKey).put(owner(), "kept");
        List<Map<String, Object>> stateBefore = jdbc.sql("select * from vault_state").query().listOfRows();

        assertThatThrownBy(() -> check(newKey).verify())
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(newKey.id())
                .hasMessageContaining(oldKey.id());
        assertThat(jdbc.sql("select * from vault_state").query().listOfRows()).isEqualTo(stateBefore);
    }

    @Test
    void rotationRefusesAKeyThatIsNotTheCurrentOne() {
        vault(oldKey).put(owner(), "kept");
        KeyRotation rotation = new KeyRotation(new VaultStore(jdbc), database.transactions());

        assertThatThrownBy(() -> rotation.rotate(randomKey(), newKey, id -> { }))
                .hasMessageContaining("is not the current master key");
        assertThat(keyIds()).containsOnlyKeys(oldKey.id());
    }

    /** Rotation runs with the servers stopped: no other process to tell. */
    private static final dev.quartermaster.platform.Changes NO_CHANGES = new dev.quartermaster.platform.Changes() {
        @Override
        public void publish(dev.quartermaster.platform.Topic topic) {
        }

        @Override
        public void publish(dev.quartermaster.platform.Topic topic, String key) {
        }

        @Override
        public void subscribe(dev.quartermaster.platform.Topic topic, Runnable listener) {
        }

        @Override
        public void subscribe(dev.quartermaster.platform.Topic topic, java.util.function.Consumer<String> one, Runnable all) {
        }
    };

    private Vault vault(MasterKey key) {
        return new Vault(new VaultStore(jdbc), key, check(key), NO_CHANGES,
                new dev.quartermaster.platform.CacheProperties(java.time.Duration.ofSeconds(60)));
    }

    private VaultKeyCheck check(MasterKey key) {
        return new VaultKeyCheck(new VaultStore(jdbc), key, "");
    }

    private Map<String, Long> keyIds() {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select key_id, count(*) from vault_secrets group by key_id")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static SecretOwner owner() {
        return new SecretOwner("test_rows", UUID.randomUUID().toString(), "api_key");
    }

    static MasterKey randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return MasterKey.fromBase64(Base64.getEncoder().encodeToString(bytes), "test key");
    }
}
