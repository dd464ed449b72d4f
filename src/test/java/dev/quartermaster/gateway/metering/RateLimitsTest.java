package dev.quartermaster.gateway.metering;

import static dev.quartermaster.gateway.metering.RateLimitFixture.freshWindow;
import static dev.quartermaster.gateway.metering.RateLimitFixture.keyId;
import static dev.quartermaster.gateway.metering.RateLimitFixture.keyLimits;
import static dev.quartermaster.gateway.metering.RateLimitFixture.newKey;
import static dev.quartermaster.gateway.metering.RateLimitFixture.tier;
import static dev.quartermaster.gateway.metering.RateLimitFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.gateway.metering.rates.Admission;
import dev.quartermaster.gateway.metering.rates.Admission.Outcome;
import dev.quartermaster.gateway.metering.rates.RateLimits;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.Race;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestUsers.TestUser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests and tokens per minute and concurrent streams, per tier (per user) and per key, held exactly. */
@QuartermasterTest
class RateLimitsTest {

    @Autowired
    RateLimits limits;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void window() throws InterruptedException {
        freshWindow(jdbc);
    }

    @Test
    void twentyRacingCallsAdmitExactlyTheRequestsPerMinute(TestApi api) throws InterruptedException {
        TestUser user = user(api, tier(api, "\"requestsPerMinute\": 7"));

        List<Admission> answers = Race.run(20, i -> () -> limits.admit(Names.unique("req"), user.id(), null, 10, false));

        assertThat(answers.stream().filter(Admission::admitted)).hasSize(7);
        assertThat(answers.stream().filter(a -> !a.admitted()).map(Admission::outcome)).hasSize(13)
                .containsOnly(Outcome.REQUESTS);
        assertThat(answers.stream().filter(a -> !a.admitted()).map(Admission::retryAfterSeconds))
                .allSatisfy(retry -> assertThat(retry).isBetween(1L, 60L));
        assertThat(answers.stream().filter(Admission::admitted).map(a -> a.requests().remaining()))
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(jdbc.sql("select requests from rate_windows where scope = ?").param("tier:" + user.id())
                .query(Integer.class).single()).isEqualTo(7);
    }

    @Test
    void aTierLimitAppliesPerUserOfTheTierAcrossTheirKeys(TestApi api) {
        String tier = tier(api, "\"requestsPerMinute\": 2");
        TestUser one = user(api, tier);
        TestUser other = user(api, tier);
        UUID first = keyId(api, one);
        UUID second = newKey(api, one);

        assertThat(limits.admit(Names.unique("r"), one.id(), first, 1, false).admitted()).isTrue();
        assertThat(limits.admit(Names.unique("r"), one.id(), second, 1, false).admitted()).isTrue();
        assertThat(limits.admit(Names.unique("r"), one.id(), null, 1, false).outcome()).isEqualTo(Outcome.REQUESTS);
        assertThat(limits.admit(Names.unique("r"), other.id(), null, 1, false).admitted())
                .as("another user of the tier has a window of their own").isTrue();
    }

    @Test
    void aKeyLimitBindsThatKeyOnlyAndTheTightestScopeIsReported(TestApi api) {
        TestUser user = user(api, tier(api, "\"requestsPerMinute\": 10"));
        UUID limited = keyId(api, user);
        UUID free = newKey(api, user);
        keyLimits(api, user, limited, "\"requestsPerMinute\": 1");

        Admission first = limits.admit(Names.unique("r"), user.id(), limited, 1, false);
        Admission refused = limits.admit(Names.unique("r"), user.id(), limited, 1, false);
        Admission otherKey = limits.admit(Names.unique("r"), user.id(), free, 1, false);

        assertThat(first.requests()).isEqualTo(new Admission.Quota(1, 0));
        assertThat(refused.outcome()).isEqualTo(Outcome.REQUESTS);
        assertThat(refused.requests().limit()).isEqualTo(1);
        assertThat(otherKey.admitted()).isTrue();
        assertThat(otherKey.requests()).as("the tier's window counted both admitted calls")
                .isEqualTo(new Admission.Quota(10, 8));
    }

    @Test
    void tokensPerMinuteCountTheAdmittedBoundUntilReleaseCorrectsIt(TestApi api) {
        TestUser user = user(api, tier(api, "\"tokensPerMinute\": 100"));

        Admission first = limits.admit("a-" + Names.unique("t"), user.id(), null, 60, false);
        Admission tooMany = limits.admit(Names.unique("t"), user.id(), null, 50, false);
        limits.release(requestOf(user, 60), 20);
        Admission afterRelease = limits.admit(Names.unique("t"), user.id(), null, 50, false);
        Admission tooLarge = limits.admit(Names.unique("t"), user.id(), null, 101, false);

        assertThat(first.tokens()).isEqualTo(new Admission.Quota(100, 40));
        assertThat(tooMany.outcome()).isEqualTo(Outcome.TOKENS);
        assertThat(tooMany.tokens().remaining()).isEqualTo(40);
        assertThat(afterRelease.admitted()).as("the 60 admitted became the 20 used").isTrue();
        assertThat(afterRelease.tokens().remaining()).isEqualTo(30);
        assertThat(tooLarge.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(tooLarge.retryAfterSeconds()).isNull();
    }

    @Test
    void concurrentStreamsAreHeldUntilReleasedOrExpired(TestApi api) throws InterruptedException {
        TestUser user = user(api, tier(api, "\"concurrentStreams\": 3"));

        List<Admission> raced = Race.run(10, i -> () -> limits.admit("s" + i + "-" + user.id(), user.id(), null, 1, true));
        Admission plainCall = limits.admit(Names.unique("p"), user.id(), null, 1, false);
        List<String> open = jdbc.sql("select request_id from rate_calls where user_scope = ? and stream")
                .param("tier:" + user.id()).query(String.class).list();
        limits.release(open.get(0), 5);
        Admission afterRelease = limits.admit(Names.unique("s"), user.id(), null, 1, true);
        Admission full = limits.admit(Names.unique("s"), user.id(), null, 1, true);
        jdbc.sql("update rate_calls set expires_at = now() - interval '1 second' where request_id = ?")
                .param(open.get(1)).update();
        Admission afterExpiry = limits.admit(Names.unique("s"), user.id(), null, 1, true);

        assertThat(raced.stream().filter(Admission::admitted)).hasSize(3);
        assertThat(raced.stream().filter(a -> !a.admitted()).map(Admission::outcome)).containsOnly(Outcome.STREAMS);
        assertThat(plainCall.admitted()).as("a call that does not stream needs no slot").isTrue();
        assertThat(open).hasSize(3);
        assertThat(afterRelease.admitted()).isTrue();
        assertThat(afterRelease.streams()).isEqualTo(new Admission.Quota(3, 0));
        assertThat(full.outcome()).isEqualTo(Outcome.STREAMS);
        assertThat(full.retryAfterSeconds()).isEqualTo(1);
        assertThat(afterExpiry.admitted()).as("a dead server's stream stops counting at its expiry").isTrue();
    }

    @Test
    void aRefusedCallCountsNothingAndARepeatedAdmissionCountsOnce(TestApi api) {
        TestUser user = user(api, tier(api, "\"requestsPerMinute\": 3, \"tokensPerMinute\": 100"));
        String id = Names.unique("same");

        limits.admit(id, user.id(), null, 10, false);
        Admission again = limits.admit(id, user.id(), null, 10, false);
        Admission refused = limits.admit(Names.unique("big"), user.id(), null, 95, false);
        Admission quote = limits.check(user.id(), null, 10, false);
        Admission next = limits.admit(Names.unique("next"), user.id(), null, 10, false);

        assertThat(again.admitted()).isTrue();
        assertThat(refused.outcome()).isEqualTo(Outcome.TOKENS);
        assertThat(quote.admitted()).isTrue();
        assertThat(quote.requests()).as("a check counts this call as if admitted").isEqualTo(new Admission.Quota(3, 1));
        assertThat(next.requests()).as("only the first and this one were counted").isEqualTo(new Admission.Quota(3, 1));
        assertThat(next.tokens()).isEqualTo(new Admission.Quota(100, 80));
    }

    @Test
    void withoutLimitsNothingIsWrittenAndNoHeaderIsSet(TestApi api) {
        TestUser user = user(api, "free");
        String id = Names.unique("free");

        Admission admitted = limits.admit(id, user.id(), keyId(api, user), 1_000_000, true);
        limits.release(id, 5);

        assertThat(admitted).isEqualTo(Admission.UNLIMITED);
        assertThat(admitted.openAiHeaders()).isEmpty();
        assertThat(jdbc.sql("select count(*) from rate_calls where request_id = ?").param(id).query(Long.class).single())
                .isZero();
    }

    private String requestOf(TestUser user, long tokens) {
        return jdbc.sql("select request_id from rate_calls where user_scope = ? and tokens = ?")
                .params("tier:" + user.id(), tokens).query(String.class).single();
    }
}
