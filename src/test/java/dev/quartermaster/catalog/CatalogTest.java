package dev.quartermaster.catalog;

import dev.quartermaster.catalog.model.ModelStore;
import dev.quartermaster.catalog.model.SampleCatalog;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import static dev.quartermaster.catalog.CatalogFixtures.MODELS;
import static dev.quartermaster.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

@QuartermasterTest
class CatalogTest {

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelStore models;

    @Autowired
    Tiers tiers;

    @Autowired
    Changes changes;

    @Autowired
    ApplicationContext context;

    @Test
    void thePublicViewIsCurrentRightAfterEveryWrite(TestApi api) {
        TestApi admin = api.asAdmin();
        String value = unique("pub");
        catalog.models();

        UUID id = CatalogFixtures.createModel(admin, "Public", value);
        assertThat(catalog.byValue(value)).get().extracting(CatalogModel::id, CatalogModel::provider, CatalogModel::tier)
                .containsExactly(id, "openai", "free");

        admin.post(MODELS + "update", "{\"models\": [{\"model_id\": \"" + id + "\", \"active\": false, \"tier\": \"pro\"}]}");
        assertThat(catalog.byValue(value)).get().extracting(CatalogModel::active, CatalogModel::tier)
                .containsExactly(false, "pro");

        admin.post(MODELS + "delete", "{\"model_ids\": [\"" + id + "\"]}");
        assertThat(catalog.byValue(value)).isEmpty();
        assertThat(catalog.models()).extracting(CatalogModel::value).isSorted();
    }

    @Test
    void theStarterCatalogIsOptInMarkedAndIdempotent() {
        assertThat(context.getBeanProvider(SampleCatalog.class).getIfAvailable()).as("off by default").isNull();
        SampleCatalog samples = new SampleCatalog(models, tiers, changes);

        samples.run(null);
        samples.run(null);

        assertThat(jdbc.sql("select count(*) from catalog_models where sample and description like '[sample] %'")
                .query(Long.class).single()).isEqualTo(SampleCatalog.MODELS.size());
        assertThat(catalog.byValue("gpt-4o")).get().extracting(CatalogModel::provider).isEqualTo("openai");
        assertThat(catalog.byValue("claude-sonnet-4-5-20250929")).isPresent();
        assertThat(catalog.byValue("llama3.1")).get().extracting(CatalogModel::provider).isEqualTo("ollama");
    }
}
