package dev.quartermaster.identity.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.QuartermasterApplication;
import dev.quartermaster.platform.StartupRefusedException;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.ScratchDatabase;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a first start prints for each way of configuring the first admin, and that following it
 * gets the operator in. Each case is a whole server started on a fresh, empty database (on the
 * test server's PostgreSQL), with its console captured.
 */
@QuartermasterTest
@ExtendWith(OutputCaptureExtension.class)
class BootstrapBannerTest {

    private static final String RULE = "#".repeat(88);
    private static final Pattern ANY_KEY = Pattern.compile("qm_[A-Za-z0-9_-]{43}");
    private static final String CHOSEN_KEY = "qm_bootstrap-banner-test-key-0123456789abcdefgh";
    private static final String PASSWORD = "a long enough bootstrap password";

    @Autowired
    DataSource serverDataSource;

    @Test
    void withNeitherSettingTheGeneratedKeyIsPrintedOnceAndWorks(CapturedOutput output) throws Exception {
        try (ScratchDatabase database = new ScratchDatabase(serverDataSource);
             Start start = Start.on(database, Map.of(), output)) {
            String banner = start.banner();
            Matcher key = ANY_KEY.matcher(banner);

            assertThat(banner).contains("Its API key, shown only this once");
            assertThat(key.find()).as("the banner holds a generated key").isTrue();
            assertThat(banner).contains("curl -H \"Authorization: Bearer " + key.group() + "\" " + start.me());
            assertThat(start.printedOutsideTheBanner()).as("the log lines").doesNotContain(key.group());
            assertThat(start.api().withKey(key.group()).get("/api/v1/system/me").status()).isEqualTo(200);
        }
    }

    @Test
    void withAKeyTheBannerSaysItIsTheAdminsWithoutShowingIt(CapturedOutput output) throws Exception {
        try (ScratchDatabase database = new ScratchDatabase(serverDataSource);
             Start start = Start.on(database, Map.of("qm.bootstrap.admin-key", CHOSEN_KEY), output)) {
            String banner = start.banner();

            assertThat(banner).contains("Its API key is the value of QM_BOOTSTRAP_ADMIN_KEY (not shown)")
                    .contains("no key was generated")
                    .contains("curl -H \"Authorization: Bearer $QM_BOOTSTRAP_ADMIN_KEY\" " + start.me());
            assertThat(start.printed()).doesNotContain(CHOSEN_KEY);
            assertThat(ANY_KEY.matcher(banner).find()).as("no generated key").isFalse();
            assertThat(start.api().withKey(CHOSEN_KEY).get("/api/v1/system/me").status()).isEqualTo(200);
        }
    }

    @Test
    void withAPasswordAloneNoKeyIsMadeAndTheBannerShowsHowToSignInAndCreateOne(CapturedOutput output)
            throws Exception {
        try (ScratchDatabase database = new ScratchDatabase(serverDataSource);
             Start start = Start.on(database, Map.of("qm.bootstrap.admin-password", PASSWORD), output)) {
            String banner = start.banner();
            UUID adminId = database.jdbc().sql("select id from users where username = 'admin'").query(UUID.class).single();
            String createKey = start.base() + "/api/v1/system/users/" + adminId + "/api-keys";

            assertThat(banner).contains("No API key was generated because QM_BOOTSTRAP_ADMIN_PASSWORD is set")
                    .contains("Sign in with HTTP Basic as admin")
                    .contains("curl -u 'admin:<your password>' " + start.me())
                    .contains("curl -u 'admin:<your password>' -H 'Content-Type: application/json'")
                    .contains("-d '{\"name\": \"admin\"}' " + createKey);
            assertThat(start.printed()).doesNotContain(PASSWORD);
            assertThat(database.jdbc().sql("select count(*) from api_keys").query(Long.class).single()).isZero();

            TestApi basic = start.api().withHeader("Authorization", basic("admin", PASSWORD));
            assertThat(basic.get("/api/v1/system/me").status()).isEqualTo(200);
            String key = basic.post(createKey.substring(start.base().length()), "{\"name\": \"admin\"}")
                    .json().get("data").get("key").asString();
            assertThat(start.api().withKey(key).get("/api/v1/system/me").status())
                    .as("the key the printed curl creates works").isEqualTo(200);
        }
    }

    @Test
    void withBothTheBannerNamesBothAndShowsNeither(CapturedOutput output) throws Exception {
        try (ScratchDatabase database = new ScratchDatabase(serverDataSource);
             Start start = Start.on(database, Map.of("qm.bootstrap.admin-key", CHOSEN_KEY,
                     "qm.bootstrap.admin-password", PASSWORD), output)) {
            String banner = start.banner();

            assertThat(banner).contains("Its API key is the value of QM_BOOTSTRAP_ADMIN_KEY and its password that of")
                    .contains("QM_BOOTSTRAP_ADMIN_PASSWORD (neither shown); no key was generated")
                    .contains("curl -H \"Authorization: Bearer $QM_BOOTSTRAP_ADMIN_KEY\" " + start.me())
                    .contains("curl -u 'admin:<your password>' " + start.me());
            assertThat(start.printed()).doesNotContain(CHOSEN_KEY).doesNotContain(PASSWORD);
            assertThat(start.api().withKey(CHOSEN_KEY).get("/api/v1/system/me").status()).isEqualTo(200);
            assertThat(start.api().withHeader("Authorization", basic("admin", PASSWORD)).get("/api/v1/system/me")
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void aWeakChosenKeyIsRefusedAndNoAdminIsMade(CapturedOutput output) {
        try (ScratchDatabase database = new ScratchDatabase(serverDataSource)) {
            assertThatThrownBy(() -> Start.on(database, Map.of("qm.bootstrap.admin-key", "admin-key"), output).close())
                    .isInstanceOf(StartupRefusedException.class)
                    .hasMessageContaining("QM_BOOTSTRAP_ADMIN_KEY").hasMessageContaining("32 characters")
                    .hasMessageNotContaining("admin-key");
            assertThat(database.jdbc().sql("select count(*) from users").query(Long.class).single()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "qm_0123456789abcdef0123456789a", "qm_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "qm_abcdabcdabcdabcdabcdabcdabcdabcdabcd", "0123456789abcdef0123456789abcdef"})
    void aShortFewCharacteredOrRepeatedKeyIsTooWeak(String weak) {
        assertThat(Bootstrap.keyProblem(weak)).contains("at least 32 characters");
    }

    @Test
    void theKeysOfTheQuickStartAndOfTheTestsAreStrongEnough() {
        assertThat(Bootstrap.keyProblem("qm_" + "x".repeat(48)))
                .as("a repetition").isNotNull();
        assertThat(Bootstrap.keyProblem("qm_9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c")).isNull();
        assertThat(Bootstrap.keyProblem(TestSettings.ADMIN_KEY)).isNull();
        assertThat(Bootstrap.keyProblem(CHOSEN_KEY)).isNull();
        assertThat(Bootstrap.keyProblem("qm_rotation-admin-key-0123456789abcdef")).isNull();
        assertThat(Bootstrap.keyProblem("qm_operator-chosen-admin-key-for-rotation-test")).isNull();
    }

    @Test
    void onADatabaseWithUsersNothingIsPrintedAndTheSettingsAreSaidToBeUnused(CapturedOutput output)
            throws Exception {
        try (ScratchDatabase database = new ScratchDatabase(serverDataSource)) {
            Start.on(database, Map.of(), output).close();
            try (Start again = Start.on(database, Map.of("qm.bootstrap.admin-key", CHOSEN_KEY), output)) {
                assertThat(again.printed()).doesNotContain(RULE)
                        .contains("users exist, so QM_BOOTSTRAP_ADMIN_KEY and QM_BOOTSTRAP_ADMIN_PASSWORD were not used");
                assertThat(again.api().withKey(CHOSEN_KEY).get("/api/v1/system/me").status()).isEqualTo(401);
            }
        }
    }

    @Test
    void theCurlLinesNameAnAddressTheOperatorCanReach() {
        assertThat(Bootstrap.baseUrl("", "8080")).isEqualTo("http://localhost:8080");
        assertThat(Bootstrap.baseUrl("0.0.0.0", "8080")).isEqualTo("http://localhost:8080");
        assertThat(Bootstrap.baseUrl("::", "9000")).isEqualTo("http://localhost:9000");
        assertThat(Bootstrap.baseUrl("10.0.0.5", "8080")).isEqualTo("http://10.0.0.5:8080");
        assertThat(Bootstrap.baseUrl("::1", "8080")).isEqualTo("http://[::1]:8080");
        assertThat(Bootstrap.baseUrl("127.0.0.1", "0")).isEqualTo("http://127.0.0.1:<port>");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /** One server start on {@code database}, and what it printed. */
    private record Start(ConfigurableApplicationContext context, int port, String printed) implements AutoCloseable {

        static Start on(ScratchDatabase database, Map<String, String> bootstrap, CapturedOutput output)
                throws IOException {
            int port = freePort();
            List<String> args = new ArrayList<>(List.of(
                    "--qm.database.url=" + database.url(),
                    "--qm.database.username=" + database.username(),
                    "--qm.master-key=" + TestSettings.MASTER_KEY,
                    "--qm.data-dir=target/test-data/bootstrap-" + UUID.randomUUID(),
                    "--server.port=" + port, "--server.address=127.0.0.1",
                    "--logging.structured.format.console="));
            if (database.password() != null) {
                args.add("--qm.database.password=" + database.password());
            }
            bootstrap.forEach((name, value) -> args.add("--" + name + "=" + value));
            int before = output.getOut().length();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(QuartermasterApplication.class)
                    .run(args.toArray(String[]::new));
            return new Start(context, port, output.getOut().substring(before));
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        String me() {
            return base() + "/api/v1/system/me";
        }

        TestApi api() {
            return TestApi.at(port);
        }

        /** Between two rules, with a blank line each side, so that it stands out among log lines. */
        String banner() {
            String opening = "\n\n" + RULE + "\n\n";
            int start = printed.indexOf(opening);
            assertThat(start).as("a banner opens with a rule between blank lines:\n%s", printed).isNotNegative();
            int end = printed.indexOf("\n\n" + RULE + "\n\n", start + opening.length());
            assertThat(end).as("the banner closes with a rule between blank lines").isPositive();
            return printed.substring(start + opening.length(), end);
        }

        String printedOutsideTheBanner() {
            return printed.replace(banner(), "");
        }

        @Override
        public void close() {
            context.close();
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
