package dev.quartermaster.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.gateway.usage.UsageStore.Query;
import dev.quartermaster.support.QuartermasterTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The usage queries are answered through indexes, not by reading the tables: with enough rows for
 * the planner to choose (thousands of users over a year), PostgreSQL's plan for each names the index.
 */
@QuartermasterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageIndexTest {

    private static final LocalDate YEAR = LocalDate.parse("2001-01-01");

    @Autowired
    JdbcClient jdbc;

    UUID user;

    @BeforeAll
    void manyRows() {
        jdbc.sql("""
                insert into usage_daily (day, user_id, model, provider, key_source, requests, cost_nano)
                select date '2001-01-01' + (i % 365), ('00000000-0000-0000-0000-' || lpad((i % 2000)::text, 12, '0'))::uuid,
                    'model-' || (i % 7), 'openai', 'managed', 1, 1000
                from generate_series(1, 40000) as i
                on conflict do nothing
                """).update();
        jdbc.sql("""
                insert into ledger (request_id, attempt, created_at, user_id, model, key_source, cost_nano, status, streamed)
                select 'index-' || gen_random_uuid(), 1, timestamptz '2001-01-01' + make_interval(mins => i),
                    ('00000000-0000-0000-0000-' || lpad((i % 2000)::text, 12, '0'))::uuid, 'model', 'managed', 1, 200, false
                from generate_series(1, 40000) as i
                """).update();
        jdbc.sql("analyze usage_daily").update();
        jdbc.sql("analyze ledger").update();
        user = UUID.fromString("00000000-0000-0000-0000-000000000042");
    }

    @Test
    void theCallersOwnMonthReadsTheUserIndexOfTheRollup() {
        assertThat(plan(UsageStore.thisMonthByModel(user))).contains("usage_daily_user").doesNotContain("Seq Scan");
    }

    @Test
    void adminTotalsReadTheRollupByUserOrByDay() {
        UsageFilter oneUser = UsageFilter.NONE.forUser(user);
        UsageFilter oneWeek = new UsageFilter(null, null, null, null, YEAR.plusDays(10), YEAR.plusDays(16));

        UsageFilter oneModel = new UsageFilter(user, "model-3", null, null, null, null);

        assertThat(plan(UsageStore.groups(oneUser, Grouping.DAY))).contains("usage_daily_users");
        assertThat(plan(UsageStore.groups(oneModel, Grouping.DAY))).contains("usage_daily_user").doesNotContain("Seq Scan");
        assertThat(plan(UsageStore.groups(oneWeek, Grouping.MODEL))).contains("usage_daily_totals");
        assertThat(plan(UsageStore.groups(oneWeek, Grouping.USER))).contains("usage_daily_users");
    }

    @Test
    void theRequestLogAndTheCsvReadTheLedgerByTimeOrByUser() {
        UsageFilter oneDay = new UsageFilter(null, null, null, null, YEAR.plusDays(3), YEAR.plusDays(3));
        RequestCursor after = new RequestCursor(Instant.parse("2001-01-20T00:00:00Z"), Long.MAX_VALUE);

        assertThat(plan(UsageStore.requests(UsageFilter.NONE, null, 50))).contains("ledger_created").doesNotContain("Seq Scan");
        assertThat(plan(UsageStore.requests(UsageFilter.NONE, after, 50))).contains("ledger_created").doesNotContain("Seq Scan");
        assertThat(plan(UsageStore.requests(UsageFilter.NONE.forUser(user), after, 50))).contains("ledger_user_created")
                .doesNotContain("Seq Scan");
        assertThat(plan(UsageStore.ledger(oneDay))).contains("ledger_created").doesNotContain("Seq Scan");
        assertThat(plan(UsageStore.ledger(UsageFilter.NONE.forUser(user)))).contains("ledger_user_created")
                .doesNotContain("Seq Scan");
    }

    @Test
    void theRequestLogsOrderIsReadFromTheIndexNotSorted() {
        RequestCursor after = new RequestCursor(Instant.parse("2001-01-20T00:00:00Z"), 12345);

        assertThat(plan(UsageStore.requests(UsageFilter.NONE, null, 50))).doesNotContain("Sort");
        assertThat(plan(UsageStore.requests(UsageFilter.NONE, after, 50))).doesNotContain("Sort")
                .contains("Index Cond: (ROW(created_at, id) <");
    }

    @Test
    void theBreakdownIsOnePassOverTheSmallestRollup() {
        UsageFilter oneWeek = new UsageFilter(null, null, null, null, YEAR.plusDays(10), YEAR.plusDays(16));

        assertThat(plan(UsageStore.breakdown(oneWeek))).containsOnlyOnce("on usage_daily_totals ");
        assertThat(plan(UsageStore.breakdown(oneWeek.forUser(user)))).contains("usage_daily_user")
                .doesNotContain("Seq Scan");
    }

    private String plan(Query query) {
        return String.join("\n", jdbc.sql("explain " + query.sql()).params(query.params()).query(String.class).list());
    }
}
