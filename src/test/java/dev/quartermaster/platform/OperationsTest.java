package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.Await;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What operators and tools reach without credentials: health, metrics, the API description. */
@QuartermasterTest
class OperationsTest {

    @Test
    void healthIsExactlyStatusUp(TestApi api) {
        TestResponse health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).isEqualTo(TestApi.json("{\"status\": \"UP\"}"));
    }

    @Test
    void theRootGivesABrowserAPageWithoutACredentialPrompt(TestApi api) {
        TestResponse page = api.withHeader("Accept", "text/html,application/xhtml+xml").get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("WWW-Authenticate")).isNull();
        assertThat(page.body()).contains("<h1>Quartermaster</h1>").contains("href=\"/swagger-ui.html\"");
    }

    @Test
    void theRootTellsAnApiClientWhereTheDescriptionIs(TestApi api) {
        TestResponse home = api.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.json().get("service").asString()).isEqualTo("quartermaster");
        assertThat(home.json().get("docs").asString()).isEqualTo("/v3/api-docs");
    }

    @Test
    void theErrorPageAskedForDirectlyIsANotFoundNotAnError(TestApi api) {
        assertThat(api.get("/error").status()).isEqualTo(404);
    }

    /** The request timer stops just after the answer leaves, so the scrape is repeated for up to two seconds. */
    @Test
    void prometheusExposesRequestTimersIncludingTheModelListFastPath(TestApi api) {
        api.asAdmin().get("/v1/models");

        TestResponse metrics = Await.until(() -> api.get("/actuator/prometheus"),
                scrape -> scrape.body().contains("uri=\"/v1/models\""), Duration.ofSeconds(2));

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count")
                .contains("uri=\"/v1/models\"")
                .contains("hikaricp_connections");
    }

    @Test
    void theOpenApiDescriptionCoversEverySurfaceAndSwaggerUiIsServed(TestApi api) {
        TestResponse docs = api.get("/v3/api-docs");
        TestResponse ui = api.get("/swagger-ui/index.html");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/system/ai/providers",
                "/api/ai-settings/{id}", "/api/v5/artifacts/models/search", "/v1/ai/keys", "/v1/models",
                "/v1/integrations/connections/{integrationId}/default", "/api/v1/system/users");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger");
    }
}
