package dev.quartermaster.gateway.usage;

import static dev.quartermaster.gateway.usage.MeteredRows.USD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.identity.Permissions;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import dev.quartermaster.support.TestUsers.TestUser;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/system/usage}: totals, the request log and the ledger CSV, for holders of usage.read or audit.read. */
@QuartermasterTest
class UsageAdminTest {

    private static final String USAGE = "/api/v1/system/usage";
    private static final LocalDate D1 = LocalDate.parse("2021-03-01");
    private static final LocalDate D2 = LocalDate.parse("2021-03-02");
    private static final LocalDate D3 = LocalDate.parse("2021-03-03");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Usage usage;

    MeteredRows rows;
    UUID user;

    @BeforeEach
    void rows() {
        rows = new MeteredRows(jdbc);
        user = UUID.randomUUID();
        rows.daily(D1, user, "small", "openai", "managed", 2, 100, 10, USD);
        rows.daily(D1, user, "large", "anthropic", "byok", 1, 1000, 100, 5 * USD);
        rows.daily(D2, user, "small", "azure", "managed", 3, 300, 30, 3 * USD);
        rows.daily(D3, user, "large", "anthropic", "managed", 4, 400, 40, 7 * USD);
    }

    @Test
    void totalsAreGroupedByDayByDefaultInTheSystemApisStyle(TestApi api) {
        JsonNode days = api.asAdmin().get(USAGE + "?user=" + user).json().get("data");

        assertThat(days).extracting(d -> d.get("day").stringValue()).containsExactly("2021-03-01", "2021-03-02", "2021-03-03");
        assertThat(days.get(0).propertyNames()).containsExactly("day", "requests", "inputTokens", "outputTokens", "spent");
        assertThat(days.get(0).get("requests").longValue()).isEqualTo(3);
        assertThat(days.get(0).get("inputTokens").longValue()).isEqualTo(1100);
        assertThat(days.get(0).get("spent").decimalValue()).isEqualByComparingTo("6");
    }

    @Test
    void theBreakdownSaysInOneReadWhatEachGroupingSays() {
        for (UsageFilter filter : List.of(new UsageFilter(user, null, null, null, D1, D3),
                new UsageFilter(user, "large", null, null, D1, D2), new UsageFilter(user, null, null, "managed", D2, D3))) {
            Breakdown breakdown = usage.breakdown(filter);

            assertThat(breakdown.days()).isEqualTo(usage.groups(filter, Grouping.DAY));
            assertThat(breakdown.models()).isEqualTo(usage.groups(filter, Grouping.MODEL));
            assertThat(breakdown.providers()).isEqualTo(usage.groups(filter, Grouping.PROVIDER));
        }
        List<UsageGroup> sources = usage.breakdown(new UsageFilter(user, null, null, null, D1, D3)).keySources();
        assertThat(sources).extracting(UsageGroup::keySource).containsExactly("managed", "byok");
        assertThat(sources).extracting(UsageGroup::requests).containsExactly(9L, 1L);
        assertThat(sources.get(0).spent()).isEqualByComparingTo("11");
    }

    @Test
    void totalsGroupByModelUserOrProviderMostSpentFirst(TestApi api) {
        TestApi admin = api.asAdmin();

        JsonNode models = admin.get(USAGE + "?group_by=model&user=" + user).json().get("data");
        JsonNode providers = admin.get(USAGE + "?group_by=provider&user=" + user).json().get("data");
        JsonNode users = admin.get(USAGE + "?group_by=user&model=large&user=" + user).json().get("data");

        assertThat(models).extracting(m -> m.get("model").stringValue()).containsExactly("large", "small");
        assertThat(models.get(0).get("spent").decimalValue()).isEqualByComparingTo("12");
        assertThat(providers).extracting(p -> p.get("provider").stringValue()).containsExactly("anthropic", "azure", "openai");
        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("userId").stringValue()).isEqualTo(user.toString());
        assertThat(users.get(0).get("requests").longValue()).isEqualTo(5);
    }

    @Test
    void filtersNarrowTheTotalsWithInclusiveDays(TestApi api) {
        TestApi admin = api.asAdmin();
        String mine = "&user=" + user;

        assertThat(spent(admin, "?from=2021-03-02&to=2021-03-03" + mine)).isEqualByComparingTo("10");
        assertThat(spent(admin, "?from=2021-03-02&to=2021-03-02" + mine)).isEqualByComparingTo("3");
        assertThat(spent(admin, "?to=2021-03-01" + mine)).isEqualByComparingTo("6");
        assertThat(spent(admin, "?key_source=byok" + mine)).isEqualByComparingTo("5");
        assertThat(spent(admin, "?provider=azure" + mine)).isEqualByComparingTo("3");
        assertThat(spent(admin, "?model=small&key_source=managed" + mine)).isEqualByComparingTo("4");
        assertThat(admin.get(USAGE + "?model=nothing-like-it" + mine).json().get("data")).isEmpty();
    }

    @Test
    void usageReadOrAuditReadIsNeededAndNothingElseWill(TestApi api) {
        TestApi withUsage = api.withKey(TestUsers.create(api, "free", Permissions.USAGE_READ).key());
        TestApi withAudit = api.withKey(TestUsers.create(api, "free", Permissions.AUDIT_READ).key());
        TestApi withOther = api.withKey(TestUsers.create(api, "free", Permissions.USERS_READ).key());

        for (String path : List.of(USAGE, USAGE + "/requests", USAGE + "/ledger.csv?user=" + user)) {
            assertThat(withUsage.get(path).status()).as(path).isEqualTo(200);
            assertThat(withAudit.get(path).status()).as(path).isEqualTo(200);
            TestResponse refused = withOther.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("detail").stringValue()).contains("usage.read or audit.read");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "'?user=not-a-uuid', user",
            "'?from=2021-13-01', from",
            "'?to=yesterday', to",
            "'?from=2021-03-02&to=2021-03-01', from",
            "'?group_by=week', group_by",
            "'?key_source=free', key_source",
            "'/requests?limit=201', limit",
            "'/requests?limit=ten', limit",
            "'/requests?cursor=bm9wZQ', cursor",
            "'/ledger.csv?from=2021-02-30', from",
    })
    void aBadParameterIsA400NamingIt(String query, String field, TestApi api) {
        TestResponse refused = api.asAdmin().get(USAGE + query);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo(field);
    }

    @Test
    void theRequestLogPagesNewestFirstWithoutGapsOrRepeats(TestApi api) {
        UUID someone = UUID.randomUUID();
        Instant start = Instant.parse("2021-04-01T10:00:00.123456Z");
        rows.ledger("r1", 1, start, someone, "small", "openai", "managed", 100);
        rows.ledger("r2", 1, start.plusSeconds(1), someone, "small", "openai", "managed", 200);
        rows.ledger("r2", 2, start.plusSeconds(1), someone, "small", "azure", "managed", 300);
        rows.ledger("r3", 1, start.plusSeconds(2), someone, "large", "anthropic", "byok", 400);
        rows.ledger("r4", 1, start.plusSeconds(3), someone, "small", "openai", "managed", 500);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.asAdmin().get(USAGE + "/requests?limit=2&user=" + someone
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("data").forEach(item -> seen.add(item.get("requestId").stringValue() + "/" + item.get("attempt")));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactly("r4/1", "r3/1", "r2/2", "r2/1", "r1/1");
        assertThat(pages).isEqualTo(3);
        JsonNode first = api.asAdmin().get(USAGE + "/requests?limit=1&user=" + someone).json().get("data").get(0);
        assertThat(first.get("cost").decimalValue()).isEqualByComparingTo("0.0000005");
        assertThat(first.get("createdAt").stringValue()).isEqualTo("2021-04-01T10:00:03.123456Z");
        assertThat(first.get("latencyMs").intValue()).isEqualTo(123);
        assertThat(first.has("rawUsage")).as("metadata only").isFalse();
        assertThat(api.asAdmin().get(USAGE + "/requests?key_source=byok&user=" + someone).json().get("data"))
                .extracting(i -> i.get("requestId").stringValue()).containsExactly("r3");
        assertThat(api.asAdmin().get(USAGE + "/requests?from=2021-04-02&user=" + someone).json().get("data")).isEmpty();
    }

    @Test
    void theCsvNeutralisesCellsASpreadsheetWouldRun(TestApi api) {
        UUID someone = UUID.randomUUID();
        rows.ledger("+req", 1, Instant.parse("2021-05-01T00:00:00Z"), someone, "=cmd()", "@evil", "managed", 1);
        rows.ledger("plain", 1, Instant.parse("2021-05-01T00:00:01Z"), someone, "-2+3", "a,b", "byok", 2);

        TestResponse csv = api.asAdmin().get(USAGE + "/ledger.csv?user=" + someone);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"ledger-");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("id,created_at,request_id,attempt,user_id,").doesNotContain("raw_usage");
        assertThat(lines[1]).contains(",'+req,1,").contains(",'=cmd(),'@evil,").contains(",0.000000001,")
                .doesNotContain(",=cmd()");
        assertThat(lines[2]).contains(",'-2+3,\"a,b\",");
    }

    @Test
    void theCsvReadsBackToTheStoredValuesByDroppingOneLeadingQuote(TestApi api) throws IOException {
        UUID someone = UUID.randomUUID();
        rows.ledger("'quoted", 1, Instant.parse("2021-05-02T00:00:00Z"), someone, "\tmodel", "'=both", "managed", 1);

        TestResponse csv = api.asAdmin().get(USAGE + "/ledger.csv?user=" + someone);

        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords().getFirst();
        assertThat(row.get("request_id")).isEqualTo("''quoted");
        assertThat(row.get("model")).isEqualTo("'\tmodel");
        assertThat(row.get("provider")).isEqualTo("''=both");
        assertThat(List.of(row.get("request_id"), row.get("model"), row.get("provider")))
                .extracting(cell -> cell.startsWith("'") ? cell.substring(1) : cell)
                .containsExactly("'quoted", "\tmodel", "'=both");
    }

    @Test
    void theCsvStreamsManyRowsAsTheyAreRead(TestApi api) {
        UUID someone = UUID.randomUUID();
        rows.manyLedgerRows(someone, "bulk", 20_000);

        TestResponse csv = api.asAdmin().get(USAGE + "/ledger.csv?user=" + someone);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Length")).as("not buffered to be measured").isNull();
        assertThat(csv.header("Transfer-Encoding")).isEqualTo("chunked");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(20_001);
        assertThat(lines[1]).contains(",req-" + someone + "-1,");
        assertThat(lines[20_000]).as("oldest first").contains(",req-" + someone + "-20000,");
    }

    private static java.math.BigDecimal spent(TestApi admin, String query) {
        JsonNode data = admin.get(USAGE + query).json().get("data");
        return java.util.stream.StreamSupport.stream(data.spliterator(), false)
                .map(d -> d.get("spent").decimalValue()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }
}
