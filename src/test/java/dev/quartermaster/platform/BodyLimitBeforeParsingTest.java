package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body declared larger than the limit is refused from its headers alone: nothing of it is read or parsed. */
@QuartermasterTest
class BodyLimitBeforeParsingTest {

    @Test
    void aDeclaredOversizedBodyIsAnsweredBeforeItIsSent(TestApi api) throws Exception {
        URI base = URI.create(api.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/system/users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestSettings.ADMIN_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (3 << 20) + "\r\n\r\n{\"username\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(statusLine).as("answered while the body is still missing").isEqualTo("HTTP/1.1 413 ");
        }
    }
}
