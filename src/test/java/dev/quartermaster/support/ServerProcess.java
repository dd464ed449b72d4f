package dev.quartermaster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server ({@code target/quartermaster.jar}) as a real child process on loopback,
 * always on the embedded database in its own data directory.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern GENERATED_KEY = Pattern.compile("\\b(qm_[A-Za-z0-9_-]{43})\\b");

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar on a free port, or on the one {@code env} names as {@code SERVER_PORT}. */
    public static ServerProcess start(Path dataDir, Map<String, String> env, String... args) {
        try {
            int port = env.containsKey("SERVER_PORT") ? Integer.parseInt(env.get("SERVER_PORT")) : freePort();
            Path log = Files.createTempFile(dataDir.getParent(), "server-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command(args))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("QM_") || name.startsWith("SERVER_"));
            environment.put("QM_DATA_DIR", dataDir.toString());
            environment.put("SERVER_PORT", Integer.toString(port));
            environment.put("SERVER_ADDRESS", "127.0.0.1");
            environment.putAll(env);
            return new ServerProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a one-off command of the jar (such as {@code rotate-master-key}) and returns its exit code. */
    public static int run(Path dataDir, Map<String, String> env, String... args) throws InterruptedException {
        try (ServerProcess command = start(dataDir, env, args)) {
            if (!command.process.waitFor(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("command did not finish: " + command.output());
            }
            return command.process.exitValue();
        }
    }

    public TestApi api() {
        return TestApi.at(port);
    }

    /** Waits until {@code /actuator/health} reports UP. */
    public ServerProcess awaitHealthy() {
        if (Await.until(this::healthStatus, status -> status == 200, Duration.ofSeconds(120)) != 200) {
            throw new IllegalStateException("the server did not become healthy:\n" + output());
        }
        return this;
    }

    /** The status of {@code /actuator/health}, 0 while nothing listens; a server that exited ends the wait. */
    private int healthStatus() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + output());
        }
        try {
            return api().get("/actuator/health").status();
        } catch (UncheckedIOException notYet) {
            return 0;
        }
    }

    public String generatedAdminKey() {
        Matcher matcher = GENERATED_KEY.matcher(output());
        return matcher.find() ? matcher.group(1) : null;
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful shutdown path. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not stop on SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("qm.jar", "target/quartermaster.jar");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar));
        command.addAll(List.of(args));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
