package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words for a refused request target; a well-formed one, escaped UTF-8 included, has nothing wrong. */
class RejectedRequestsTest {

    @Test
    void wellFormedPathsAndQueriesHaveNothingWrong() {
        assertThat(RejectedRequests.pathReason("/v1/models/gpt-4o")).isNull();
        assertThat(RejectedRequests.pathReason("/api/v1/system/users/%C3%BCmlaut%E2%9C%93")).isNull();
        assertThat(RejectedRequests.queryReason("from=2025-06-01&user=a%20b&q=%E6%A8%A1%E5%9E%8B+x")).isNull();
        assertThat(RejectedRequests.queryReason(null)).isNull();
    }

    @Test
    void eachBrokenTargetIsNamedForWhatIsWrongWithIt() {
        assertThat(RejectedRequests.pathReason("/v1/a%00")).contains("NUL");
        assertThat(RejectedRequests.pathReason("/v1/a%0d%0aX: y")).contains("control character");
        assertThat(RejectedRequests.pathReason("/v1/a%zz")).contains("malformed %-escape");
        assertThat(RejectedRequests.pathReason("/v1/a%4")).contains("malformed %-escape");
        assertThat(RejectedRequests.pathReason("/v1/%C0%AF")).contains("not valid UTF-8");
        assertThat(RejectedRequests.pathReason("/v1/%ED%A0%80")).as("a surrogate").contains("not valid UTF-8");
        assertThat(RejectedRequests.pathReason("/v1/a%2fb")).contains("encoded slash");
        assertThat(RejectedRequests.pathReason("/v1/a\\b")).contains("must be %-encoded");
        assertThat(RejectedRequests.pathReason("/users//keys")).contains("empty segment");
        assertThat(RejectedRequests.pathReason("/v1/%2e%2e/x")).contains("'..'");
        assertThat(RejectedRequests.pathReason("/v1/a%25zz")).contains("encoded %");
        assertThat(RejectedRequests.queryReason("a=%E2%82")).contains("not valid UTF-8");
    }

    @Test
    void theContainersStatusChoosesThePartThatIsNamed() {
        assertThat(RejectedRequests.forStatus(400, "/v1/a%00", null, true).errors().getFirst().field()).isEqualTo("path");
        assertThat(RejectedRequests.forStatus(400, "/v1/a", "x=%zz", true).errors().getFirst().field()).isEqualTo("query");
        assertThat(RejectedRequests.forStatus(400, "/v1/a", null, true).errors().getFirst().field()).isEqualTo("headers");
        assertThat(RejectedRequests.forStatus(400, "", null, true).errors().getFirst().field()).isEqualTo("path");
        assertThat(RejectedRequests.forStatus(505, "/v1/a", null, true).status()).isEqualTo(505);
        assertThat(RejectedRequests.forStatus(501, "/v1/a", null, true).title()).isEqualTo("Not Implemented");
    }
}
