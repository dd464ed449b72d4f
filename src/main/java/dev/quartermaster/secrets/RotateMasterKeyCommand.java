package dev.quartermaster.secrets;

import dev.quartermaster.platform.StartupRefusedException;
import dev.quartermaster.platform.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar quartermaster.jar rotate-master-key} with {@code QM_MASTER_KEY} (the current key)
 * and {@code QM_NEW_MASTER_KEY}. Stop the servers first; start them again with the new key.
 */
@Component
@ConditionalOnProperty(name = "qm.command", havingValue = VaultKeyCheck.ROTATE_COMMAND)
class RotateMasterKeyCommand implements CommandLineRunner {

    private final KeyRotation rotation;
    private final MasterKey current;
    private final VaultProperties properties;
    private final Storage storage;

    RotateMasterKeyCommand(KeyRotation rotation, MasterKey current, VaultProperties properties, Storage storage) {
        this.rotation = rotation;
        this.current = current;
        this.properties = properties;
        this.storage = storage;
    }

    @Override
    public void run(String... args) throws IOException {
        if (properties.newMasterKey() == null || properties.newMasterKey().isBlank()) {
            throw new StartupRefusedException("set QM_NEW_MASTER_KEY to the new master key (base64 of 32 bytes)");
        }
        MasterKey next = MasterKey.fromBase64(properties.newMasterKey(), "QM_NEW_MASTER_KEY");
        int count = rotation.rotate(current, next, id -> { });
        boolean keyFromFile = properties.masterKey() == null || properties.masterKey().isBlank();
        if (keyFromFile) {
            replaceKeyFile(storage.dataDir().resolve(MasterKeyConfig.KEY_FILE), properties.newMasterKey().strip());
        }
        System.out.println("Re-sealed " + count + " secrets under " + next.id() + (keyFromFile
                ? ". The data directory's master key file now holds the new key."
                : ". Start the server with QM_MASTER_KEY set to the new key."));
    }

    private static void replaceKeyFile(Path file, String base64) throws IOException {
        Path next = file.resolveSibling(MasterKeyConfig.KEY_FILE + ".new");
        Files.deleteIfExists(next);
        Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(next, base64 + "\n");
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
