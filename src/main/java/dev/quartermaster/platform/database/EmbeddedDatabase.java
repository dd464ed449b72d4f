package dev.quartermaster.platform.database;

import dev.quartermaster.platform.StartupRefusedException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL run from the data directory. Durable by configuration (fsync and synchronous commit
 * on), and able to start after the previous server process was killed: a postmaster that outlived
 * its owner is shut down cleanly first, unless another live server still holds the directory.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String OWNER_LOCK = "epg-lock";
    private static final String PASSWORD_FILE = "postgres.password";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        try {
            boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
            Path passwordFile = dataDir.resolve(PASSWORD_FILE).toAbsolutePath();
            String password = password(passwordFile, fresh);
            Files.createDirectories(pgData);
            stopLeftoverPostmaster(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (fresh) {
                // initdb takes the last --auth: local and TCP connections need the password, not "trust"
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            EmbeddedPostgres postgres = builder
                    .setConnectConfig("password", password)
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.info("embedded PostgreSQL running from {} on port {}", pgData, postgres.getPort());
            return new EmbeddedDatabase(postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    String password() {
        return password;
    }

    /**
     * The superuser's password, generated with the cluster into an owner-only file: without it a
     * local user could connect as superuser and read the data directory, master key included.
     */
    private static String password(Path file, boolean fresh) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        if (!fresh) {
            throw new StartupRefusedException("the embedded database's password file " + file + " is missing");
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        return password;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        log.info("embedded PostgreSQL stopped");
    }

    private static void stopLeftoverPostmaster(Path pgData) throws IOException {
        Optional<ProcessHandle> leftover = postmasterOf(pgData);
        if (leftover.isEmpty()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(pgData.resolve(OWNER_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new StartupRefusedException("the data directory " + pgData.getParent()
                        + " is in use by another running Quartermaster server");
            }
        }
        ProcessHandle postmaster = leftover.get();
        log.warn("a PostgreSQL server (pid {}) outlived the previous Quartermaster process; stopping it",
                postmaster.pid());
        postmaster.destroy();
        if (!waitForExit(postmaster, 60)) {
            log.warn("PostgreSQL pid {} did not stop in time; killing it (recovery replays the WAL)", postmaster.pid());
            postmaster.destroyForcibly();
            waitForExit(postmaster, 30);
        }
    }

    /** The live postmaster named by {@code postmaster.pid}, if it really is a PostgreSQL process. */
    private static Optional<ProcessHandle> postmasterOf(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    private static boolean waitForExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
