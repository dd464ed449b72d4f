package dev.quartermaster.gateway.metering;

import static dev.quartermaster.gateway.metering.RateLimitFixture.freshWindow;
import static dev.quartermaster.gateway.metering.RateLimitFixture.tier;
import static dev.quartermaster.gateway.metering.RateLimitFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.gateway.metering.rates.Admission;
import dev.quartermaster.gateway.metering.rates.RateLimits;
import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.OpenAiError;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/** The headers of an admission in OpenAI's and Anthropic's names, and the refusals. */
@QuartermasterTest
class RateLimitHeadersTest {

    @Autowired
    RateLimits limits;

    @Autowired
    JdbcClient jdbc;

    @Test
    void openAiHeadersCarryLimitRemainingAndResetInSeconds(TestApi api) throws InterruptedException {
        freshWindow(jdbc);
        TestUser user = user(api, tier(api, "\"requestsPerMinute\": 5, \"tokensPerMinute\": 1000"));
        Admission admission = limits.admit(Names.unique("h"), user.id(), null, 120, false);
        MockHttpServletResponse response = new MockHttpServletResponse();

        admission.applyHeaders(response, false);

        assertThat(response.getHeader("x-ratelimit-limit-requests")).isEqualTo("5");
        assertThat(response.getHeader("x-ratelimit-remaining-requests")).isEqualTo("4");
        assertThat(response.getHeader("x-ratelimit-limit-tokens")).isEqualTo("1000");
        assertThat(response.getHeader("x-ratelimit-remaining-tokens")).isEqualTo("880");
        assertThat(response.getHeader("x-ratelimit-reset-requests")).matches("([1-9]|[1-5][0-9])s|1m0s");
        assertThat(response.getHeader("x-ratelimit-reset-tokens")).isEqualTo(response.getHeader("x-ratelimit-reset-requests"));
        assertThat(response.getHeaderNames()).noneMatch(name -> name.startsWith("anthropic-"));
    }

    @Test
    void anthropicHeadersResetAtTheEndOfTheMinuteInRfc3339(TestApi api) throws InterruptedException {
        freshWindow(jdbc);
        TestUser user = user(api, tier(api, "\"requestsPerMinute\": 5, \"tokensPerMinute\": 1000"));
        Admission admission = limits.admit(Names.unique("h"), user.id(), null, 120, false);
        MockHttpServletResponse response = new MockHttpServletResponse();

        admission.applyHeaders(response, true);

        Instant reset = OffsetDateTime.parse(response.getHeader("anthropic-ratelimit-requests-reset")).toInstant();
        assertThat(response.getHeader("anthropic-ratelimit-requests-limit")).isEqualTo("5");
        assertThat(response.getHeader("anthropic-ratelimit-requests-remaining")).isEqualTo("4");
        assertThat(response.getHeader("anthropic-ratelimit-tokens-limit")).isEqualTo("1000");
        assertThat(response.getHeader("anthropic-ratelimit-tokens-remaining")).isEqualTo("880");
        assertThat(response.getHeader("anthropic-ratelimit-tokens-reset")).endsWith("Z")
                .isEqualTo(response.getHeader("anthropic-ratelimit-requests-reset"));
        assertThat(reset).isEqualTo(reset.truncatedTo(ChronoUnit.MINUTES));
        assertThat(Duration.between(Instant.now(), reset)).isBetween(Duration.ofSeconds(-5), Duration.ofSeconds(65));
        assertThat(response.getHeaderNames()).noneMatch(name -> name.startsWith("x-ratelimit-"));
    }

    @Test
    void aReachedLimitIsA429WithRetryAfterAndOpenAisClassification(TestApi api) throws InterruptedException {
        freshWindow(jdbc);
        TestUser user = user(api, tier(api, "\"requestsPerMinute\": 1"));
        limits.admit(Names.unique("h"), user.id(), null, 1, false);

        Admission refused = limits.admit(Names.unique("h"), user.id(), null, 1, false);
        ApiProblem problem = refused.refusal().problem();

        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.retryAfterSeconds()).isBetween(1L, 60L).isEqualTo(refused.retryAfterSeconds());
        assertThat(problem.openAi()).isEqualTo(new OpenAiError("requests", null, "rate_limit_exceeded"));
        assertThat(problem.detail()).contains("1 requests per minute");
        assertThat(refused.openAiHeaders()).containsEntry("x-ratelimit-remaining-requests", "0");
    }

    @Test
    void aCallLargerThanTheWholeTokenLimitIsA400NamingMaxTokens(TestApi api) {
        TestUser user = user(api, tier(api, "\"tokensPerMinute\": 50"));

        ApiProblem problem = limits.admit(Names.unique("h"), user.id(), null, 51, false).refusal().problem();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.retryAfterSeconds()).isNull();
        assertThat(problem.errors().getFirst().field()).isEqualTo("max_tokens");
        assertThat(problem.openAi().code()).isEqualTo("request_exceeds_rate_limit");
    }
}
