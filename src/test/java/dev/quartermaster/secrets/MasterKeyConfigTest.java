package dev.quartermaster.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.platform.StartupRefusedException;
import dev.quartermaster.platform.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterKeyConfigTest {

    @TempDir
    Path dataDir;

    @Test
    void withTheEmbeddedDatabaseAKeyIsGeneratedOnceWithOwnerOnlyPermissions() throws Exception {
        MasterKeyConfig config = new MasterKeyConfig();

        MasterKey first = config.masterKey(new VaultProperties(null, null), new Storage(dataDir, true));
        MasterKey second = config.masterKey(new VaultProperties(null, null), new Storage(dataDir, true));

        Path file = dataDir.resolve(MasterKeyConfig.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(second.id()).isEqualTo(first.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"})
    void aKeyFileOthersCanReadOrWriteIsRefused(String permissions) throws Exception {
        new MasterKeyConfig().masterKey(new VaultProperties(null, null), new Storage(dataDir, true));
        Path file = dataDir.resolve(MasterKeyConfig.KEY_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        assertThatThrownBy(() -> new MasterKeyConfig().masterKey(new VaultProperties(null, null), new Storage(dataDir, true)))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(permissions).hasMessageContaining("chmod 600");
    }

    @Test
    void anExternalDatabaseRequiresAMasterKey() {
        assertThatThrownBy(() -> new MasterKeyConfig().masterKey(new VaultProperties(null, null), new Storage(dataDir, false)))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("QM_MASTER_KEY is required");
    }

    @Test
    void aMasterKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=", "QM_MASTER_KEY"))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("32 bytes");
    }
}
