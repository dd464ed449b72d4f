package dev.quartermaster.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.support.FakeServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EgressTest {

    final FakeServer fake = new FakeServer();
    final Egress lan = TestEgress.of(true);
    final Egress strict = TestEgress.of(false);

    @AfterEach
    void tearDown() throws Exception {
        fake.close();
        lan.destroy();
        strict.destroy();
    }

    @ParameterizedTest(name = "{0} is never reachable")
    @ValueSource(strings = {
            "http://169.254.169.254/latest/meta-data/",
            "http://169.254.0.1/",
            "http://[fe80::1]/",
            "http://[FE80::abcd:1]:8080/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://METADATA.GOOGLE.INTERNAL./",
            "http://metadata/",
            "http://instance-data/latest/",
            "http://[::ffff:169.254.169.254]/",
            "http://[::ffff:a9fe:a9fe]/",
            "http://[::169.254.169.254]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://2852039166/",
            "http://0251.0376.0251.0376/",
            "http://0xa9fea9fe/",
            "http://0xa9.0xfe.0xa9.0xfe/",
            "http://169.254.43518/",
            "http://100.100.100.200/",
            "http://[fd00:ec2::254]/",
            "http://168.63.129.16/machine/",
            "http://0.0.0.0/",
            "http://[::]/",
            "http://224.0.0.1/",
            "http://255.255.255.255/",
    })
    void alwaysRefused(String url) {
        assertThatThrownBy(() -> lan.checkAllowed(URI.create(url)))
                .isInstanceOfSatisfying(EgressException.class, e -> assertThat(e.kind()).isEqualTo(EgressException.Kind.REFUSED));
    }

    @ParameterizedTest(name = "{0}: allowed on a LAN, refused when private addresses are off")
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.1.2.3/", "http://10.0.0.7/", "http://172.16.5.4/",
            "http://192.168.1.10:11434/", "http://100.64.0.1/", "http://[::1]/", "http://[fd12::1]/",
            "http://[::ffff:127.0.0.1]/"})
    void privateAddressesFollowTheSetting(String url) throws EgressException {
        lan.checkAllowed(URI.create(url));

        assertThatThrownBy(() -> strict.checkAllowed(URI.create(url)))
                .isInstanceOfSatisfying(EgressException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EgressException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("QM_EGRESS_ALLOW_PRIVATE");
                });
    }

    @ParameterizedTest(name = "{0} is refused: a private address in disguise")
    @ValueSource(strings = {"http://2130706433/", "http://0177.0.0.1/", "http://0x7f000001/", "http://127.1/"})
    void numericSpellingsAreRefusedEvenWherePrivateIsAllowed(String url) {
        assertThatThrownBy(() -> lan.checkAllowed(URI.create(url))).hasMessageContaining("127.0.0.1");
    }

    @ParameterizedTest
    @CsvSource({"ftp://example.com/,only http and https", "http://user:pw@example.com/,credentials in the URL",
            "file:///etc/passwd,only http and https"})
    void onlyPlainHttpUrlsAreCalled(String url, String reason) {
        assertThatThrownBy(() -> lan.checkAllowed(URI.create(url))).hasMessageContaining(reason);
    }

    @Test
    void aHostNameIsJudgedByTheAddressItResolvesTo() {
        fake.replying(r -> FakeServer.Reply.json(200, "{}"));

        assertThatThrownBy(() -> strict.send(get("http://localhost:" + fake.port() + "/")))
                .isInstanceOfSatisfying(EgressException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EgressException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("localhost resolves to");
                });
        assertThat(fake.requests()).as("refused before connecting").isEmpty();
    }

    @Test
    void redirectsAreNotFollowed() throws EgressException {
        fake.replying(r -> new FakeServer.Reply(302, "", Map.of("Location", "http://169.254.169.254/"), 0));

        OutboundResponse response = lan.send(get(fake.url() + "/start"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aSlowAnswerTimesOut() {
        fake.replying(r -> FakeServer.Reply.json(200, "{}").delayed(3000));

        assertThatThrownBy(() -> lan.send(get(fake.url() + "/"), Duration.ofMillis(300)))
                .isInstanceOfSatisfying(EgressException.class, e -> assertThat(e.kind()).isEqualTo(EgressException.Kind.TIMEOUT));
    }

    @Test
    void aClosedPortIsAConnectFailure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> lan.send(get("http://127.0.0.1:" + closed + "/")))
                .isInstanceOfSatisfying(EgressException.class, e -> assertThat(e.kind()).isEqualTo(EgressException.Kind.CONNECT));
    }

    @Test
    void tlsAgainstAPlainServerIsATlsFailure() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (var socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
                    socket.getOutputStream().flush();
                    Thread.sleep(1000);
                } catch (Exception ignored) {
                    // the client hung up
                }
            });

            assertThatThrownBy(() -> lan.send(get("https://127.0.0.1:" + plain.getLocalPort() + "/")))
                    .isInstanceOfSatisfying(EgressException.class, e -> assertThat(e.kind()).isEqualTo(EgressException.Kind.TLS));
        }
    }

    @Test
    void sendsHeadersAndBodyAndCapsTheAnswer() throws EgressException {
        fake.replying(r -> FakeServer.Reply.json(200, "x".repeat(2_000_000)));

        OutboundResponse response = lan.send(OutboundRequest.postJson(URI.create(fake.url() + "/v1/x"),
                Map.of("Authorization", "Bearer k"), "{\"a\":1}"));

        assertThat(response.body()).hasSize(1 << 20);
        assertThat(fake.lastRequest().header("Authorization")).isEqualTo("Bearer k");
        assertThat(fake.lastRequest().header("Content-Type")).startsWith("application/json");
        assertThat(fake.lastRequest().body()).isEqualTo("{\"a\":1}");
    }

    /** A call's timers go when it ends: a cancelled timer left queued would hold its request until it was due. */
    @Test
    void anEndedCallLeavesNoTimerBehind() throws Exception {
        fake.replying(r -> FakeServer.Reply.json(200, "{}"));
        StreamTimeouts timeouts = new StreamTimeouts(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(10));

        lan.send(get(fake.url() + "/v1/x"));
        try (OutboundStream stream = lan.open(get(fake.url() + "/v1/y"), timeouts)) {
            assertThat(stream.readCapped()).isEqualTo("{}");
        }

        assertThat(lan.pendingDeadlines()).isZero();
    }

    private static OutboundRequest get(String url) {
        return new OutboundRequest("GET", URI.create(url), Map.of(), null);
    }
}
