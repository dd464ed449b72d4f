package dev.quartermaster.gateway.metering;

import static dev.quartermaster.gateway.metering.RateLimitFixture.freshWindow;
import static dev.quartermaster.gateway.metering.RateLimitFixture.tier;
import static dev.quartermaster.gateway.metering.RateLimitFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.gateway.metering.rates.Admission;
import dev.quartermaster.gateway.metering.rates.Admission.Outcome;
import dev.quartermaster.gateway.metering.rates.RateLimits;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.Race;
import dev.quartermaster.support.SecondServer;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestUsers.TestUser;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two servers (application contexts, each with its own pool) on one database share every limit. */
@QuartermasterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitsAcrossServersTest {

    @Autowired
    RateLimits here;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    SecondServer second;
    RateLimits there;

    @BeforeAll
    void startSecondServer() {
        second = new SecondServer(dataSource);
        there = second.bean(RateLimits.class);
    }

    @AfterAll
    void stopSecondServer() {
        second.close();
    }

    @Test
    void requestsPerMinuteHoldAcrossTwoServers(TestApi api) throws InterruptedException {
        freshWindow(jdbc);
        TestUser user = user(api, tier(api, "\"requestsPerMinute\": 6"));

        List<Admission> answers = Race.run(20, i -> () ->
                (i % 2 == 0 ? here : there).admit(Names.unique("x"), user.id(), null, 1, false));

        assertThat(answers.stream().filter(Admission::admitted)).hasSize(6);
        assertThat(answers.stream().filter(a -> !a.admitted()).map(Admission::outcome)).containsOnly(Outcome.REQUESTS);
    }

    @Test
    void aStreamOpenedOnOneServerIsReleasedOnTheOther(TestApi api) throws InterruptedException {
        TestUser user = user(api, tier(api, "\"concurrentStreams\": 2"));

        List<Admission> raced = Race.run(10, i -> () ->
                (i % 2 == 0 ? here : there).admit("st" + i + "-" + user.id(), user.id(), null, 1, true));
        String open = raced.get(0).admitted() ? "st0-" + user.id() : jdbc.sql(
                "select request_id from rate_calls where user_scope = ? limit 1").param("tier:" + user.id())
                .query(String.class).single();
        there.release(open, 1);
        Admission afterRelease = here.admit(Names.unique("st"), user.id(), null, 1, true);

        assertThat(raced.stream().filter(Admission::admitted)).hasSize(2);
        assertThat(afterRelease.admitted()).isTrue();
        assertThat(here.admit(Names.unique("st"), user.id(), null, 1, true).outcome()).isEqualTo(Outcome.STREAMS);
    }
}
