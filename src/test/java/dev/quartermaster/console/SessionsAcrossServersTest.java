package dev.quartermaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.SecondServer;
import dev.quartermaster.support.TestApi;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A console session is the database's, not a server's: any server accepts it, and sign-out ends it on all. */
@QuartermasterTest
class SessionsAcrossServersTest {

    @Autowired
    DataSource database;

    @Test
    void aSessionStartedOnOneServerWorksOnAnotherUntilSignedOutThere(TestApi api) {
        ConsoleUsers.Person person = ConsoleUsers.create(api);
        try (SecondServer second = new SecondServer(database)) {
            ConsoleClient first = new ConsoleClient(api);
            first.signIn(person.username(), person.password());
            String token = first.cookie("qm_session");
            ConsoleClient there = first.on(second.api());

            assertThat(there.open("/console/account").status()).isEqualTo(200);
            assertThat(there.post("/console/sign-out", Map.of()).status()).isEqualTo(302);
            ConsoleClient replay = new ConsoleClient(api);
            replay.setCookie("qm_session", token);

            assertThat(replay.open("/console/account").status()).isEqualTo(303);
        }
    }
}
