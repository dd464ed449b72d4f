package dev.quartermaster.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.ServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * README.md as a new user follows it: the quick start's shell blocks, then every example of the
 * Surfaces section that has no placeholder, pasted in order into one bash with
 * {@code set -euo pipefail}, against the packaged jar. Only the server's start is swapped: the
 * README's {@code ./mvnw … spring-boot:run} becomes a stand-in that hands the environment the
 * reader gave it (their {@code QM_BOOTSTRAP_ADMIN_KEY}) to this test, which starts the jar with
 * it; {@code localhost:8080} becomes that server's port. Every curl there uses {@code -f}, so an
 * answer of 4xx or 5xx fails the script, and with it this test.
 */
class QuickStartIT {

    private static final Pattern START_COMMAND = Pattern.compile("\\./mvnw( -\\S+)* spring-boot:run");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(4);

    Path work;
    Process bash;

    @BeforeEach
    void setUp() throws IOException {
        Path root = Files.createDirectories(Path.of("target", "it-data"));
        work = Files.createTempDirectory(root, "quickstart-").toAbsolutePath();
    }

    @AfterEach
    void stopTheShell() {
        if (bash != null) {
            bash.descendants().forEach(ProcessHandle::destroyForcibly);
            bash.destroyForcibly();
        }
    }

    @Test
    void theReadmeQuickStartAndItsSurfaceExamplesRunAsPasted() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        ReadmeScript quickStart = ReadmeScript.section(readme, "Quick start");
        ReadmeScript surfaces = ReadmeScript.section(readme, "Surfaces");
        assertThat(quickStart.blocks()).as("the quick start's shell blocks").hasSizeGreaterThanOrEqualTo(5)
                .noneMatch(ReadmeScript.Block::hasPlaceholder);
        assertThat(surfaces.runnable()).as("the surface examples that need no placeholder").hasSizeGreaterThanOrEqualTo(6);
        int port = freePort();
        Path handoff = work.resolve("server.env");
        Path output = work.resolve("script.out");

        bash = startBash(script(quickStart.script() + surfaces.script(), port), handoff, output);
        Map<String, String> serverEnv = awaitHandoff(handoff, output);
        serverEnv.put("SERVER_PORT", Integer.toString(port));
        try (ServerProcess server = ServerProcess.start(Files.createDirectories(work.resolve("data")), serverEnv)) {
            try {
                server.awaitHealthy();
                checkWhatTheReaderSees(server, serverEnv.get("QM_BOOTSTRAP_ADMIN_KEY"), output);
            } finally {
                server.stop();  // gracefully, so that its embedded PostgreSQL stops too
            }
        }
    }

    private void checkWhatTheReaderSees(ServerProcess server, String adminKey, Path output) throws Exception {
        boolean finished = bash.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String printed = Files.readString(output);

        assertThat(finished).as("the README's commands finished:\n%s", printed).isTrue();
        assertThat(bash.exitValue()).as("every README command succeeded:\n%s", printed).isZero();
        assertThat(printed).as("what the reader sees")
                .contains("{\"id\":\"llama3.2\",\"object\":\"model\"")
                .contains("{\"models\":[{\"id\":\"llama3.2\"")
                .contains("{\"model\":\"llama3.2\",\"model_available\":true")
                .contains("\"resolvedModelName\":\"llama3.2\"")
                .contains("{\"integration_config_id\":\"linear\",\"connection_id\":\"conn_");
        assertThat(adminKey).as("the reader chose the admin's key").startsWith("qm_").hasSizeGreaterThan(40);
        assertThat(server.output()).as("the start-up output")
                .contains("Its API key is the value of QM_BOOTSTRAP_ADMIN_KEY")
                .doesNotContain(adminKey);
    }

    /** The README's commands with the start swapped for the stand-in and the port mapped. */
    private static String script(String readmeCommands, int port) {
        Matcher start = START_COMMAND.matcher(readmeCommands);
        assertThat(start.results().count()).as("the quick start starts the server once with ./mvnw spring-boot:run")
                .isEqualTo(1);
        String commands = START_COMMAND.matcher(readmeCommands).replaceFirst("quickstart_server")
                .replace("localhost:8080", "127.0.0.1:" + port);
        return """
                set -euo pipefail
                # stands in for the server: hands its environment to the test, which starts the jar
                quickstart_server() { env -0 > "$QS_HANDOFF.part"; mv "$QS_HANDOFF.part" "$QS_HANDOFF"; exec sleep 600; }
                trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
                """ + commands;
    }

    private Process startBash(String script, Path handoff, Path output) throws IOException {
        Path file = work.resolve("readme.sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QM_") || name.startsWith("SERVER_"));
        builder.environment().put("QS_HANDOFF", handoff.toString());
        return builder.start();
    }

    /** The QM_ and SERVER_ variables the README's start line gives the server. */
    private Map<String, String> awaitHandoff(Path handoff, Path output) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(handoff)) {
            if (!bash.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the README never reached its start command:\n" + Files.readString(output));
            }
            Thread.sleep(100);
        }
        Map<String, String> env = new HashMap<>();
        for (String entry : Files.readString(handoff, StandardCharsets.UTF_8).split("\0")) {
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry : entry.substring(0, equals);
            if ((name.startsWith("QM_") || name.startsWith("SERVER_")) && !name.equals("QM_DATA_DIR")) {
                env.put(name, entry.substring(equals + 1));
            }
        }
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
