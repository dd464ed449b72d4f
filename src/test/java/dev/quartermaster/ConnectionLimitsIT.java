package dev.quartermaster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.ServerProcess;
import dev.quartermaster.support.TestSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open connections are bounded ({@code QM_HTTP_MAX_CONNECTIONS}) and an idle one is closed after
 * {@code QM_HTTP_IDLE_TIMEOUT}, so sockets that send nothing cannot pin their buffers for long or
 * without limit.
 */
class ConnectionLimitsIT {

    private static final int MAX = 4;

    static ServerProcess server;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "server-")
                .toAbsolutePath();
        server = ServerProcess.start(dataDir, Map.of("QM_BOOTSTRAP_ADMIN_KEY", TestSettings.ADMIN_KEY,
                "QM_HTTP_MAX_CONNECTIONS", Integer.toString(MAX), "QM_HTTP_IDLE_TIMEOUT", "1s")).awaitHealthy();
        base = URI.create(server.api().base());
        Thread.sleep(2_000);   // the health checks' kept-alive connections are closed by now
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws Exception {
        try (Socket idle = connect()) {
            idle.setSoTimeout(10_000);
            long started = System.nanoTime();

            int read = readOrTimeout(idle);

            assertThat(read).as("closed by the server").isEqualTo(-1);
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(500L, 5_000L);
        }
    }

    @Test
    void beyondTheLimitANewConnectionWaitsUntilAnIdleOneIsClosed() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < MAX; i++) {
                idle.add(connect());
            }
            Thread.sleep(200);
            long started = System.nanoTime();

            try (Socket next = connect()) {
                next.setSoTimeout(10_000);
                next.getOutputStream().write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String status = new BufferedReader(new InputStreamReader(next.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                long waited = (System.nanoTime() - started) / 1_000_000;

                assertThat(status).isEqualTo("HTTP/1.1 200 ");
                assertThat(waited).as("served only once the idle connections were closed").isGreaterThan(500L);
            }
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    private static Socket connect() throws Exception {
        return new Socket(base.getHost(), base.getPort());
    }

    private static int readOrTimeout(Socket socket) throws Exception {
        try {
            return socket.getInputStream().read();
        } catch (SocketTimeoutException stillOpen) {
            return -2;
        }
    }
}
