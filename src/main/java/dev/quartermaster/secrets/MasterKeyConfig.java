package dev.quartermaster.secrets;

import dev.quartermaster.platform.StartupRefusedException;
import dev.quartermaster.platform.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The master key: {@code QM_MASTER_KEY}; or, with the embedded database only, a key generated once
 * into the data directory with owner-only permissions, and refused at start if it has become
 * readable or writable by its group or others.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultProperties.class)
class MasterKeyConfig {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfig.class);
    static final String KEY_FILE = "master.key";
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    @Bean
    MasterKey masterKey(VaultProperties properties, Storage storage) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return MasterKey.fromBase64(properties.masterKey(), "QM_MASTER_KEY");
        }
        if (!storage.embeddedDatabase()) {
            throw new StartupRefusedException("QM_MASTER_KEY is required with an external database (QM_DATABASE_URL)");
        }
        return fromDataDirectory(storage.dataDir().resolve(KEY_FILE));
    }

    /** On POSIX file systems only: elsewhere permissions are ACLs this check cannot judge. */
    private static void refuseIfOthersMayReadOrWrite(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!Collections.disjoint(permissions, NOT_OWNER)) {
            throw new StartupRefusedException("the master key file " + file + " has permissions "
                    + PosixFilePermissions.toString(permissions) + ": others than its owner may read or change it;"
                    + " make it owner-only (chmod 600 " + file + ")");
        }
    }

    private static MasterKey fromDataDirectory(Path file) {
        try {
            if (Files.exists(file)) {
                refuseIfOthersMayReadOrWrite(file);
                return MasterKey.fromBase64(Files.readString(file), file.toString());
            }
            byte[] bytes = new byte[MasterKey.LENGTH];
            new SecureRandom().nextBytes(bytes);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");
            log.warn("QM_MASTER_KEY is not set: generated a master key into {} (owner-only). Back it up; "
                    + "without it the sealed secrets cannot be opened.", file);
            return MasterKey.fromBase64(Base64.getEncoder().encodeToString(bytes), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the master key file " + file, e);
        }
    }
}
