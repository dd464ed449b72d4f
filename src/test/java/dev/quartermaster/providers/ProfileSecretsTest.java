package dev.quartermaster.providers;

import dev.quartermaster.platform.Storage;
import dev.quartermaster.providers.profile.ProfileService;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys are write-only: a canary key appears in no response, log line, audit entry, table or database file.
 * The file scan proves it read the files: a plain value written beside the canary is found there.
 */
@QuartermasterTest
@ExtendWith(OutputCaptureExtension.class)
class ProfileSecretsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProfileService profiles;

    @Autowired
    Storage storage;

    @Test
    void aCanaryKeyIsNeverShown(CapturedOutput output, TestApi server) throws IOException {
        String canary = "sk-canary-" + UUID.randomUUID();
        String settingsCanary = "sk-canary-" + UUID.randomUUID();
        String marker = "plain-marker-" + UUID.randomUUID();
        TestApi api = server.asAdmin();
        List<TestResponse> responses = new ArrayList<>();
        responses.add(api.post("/api/v1/system/ai/providers", """
                {"name": "canary", "apiBaseUrl": "https://api.openai.com/v1", "apiKey": "%s", "modelName": "gpt-4o",
                 "description": "%s"}
                """.formatted(canary, marker)));
        String id = responses.getFirst().json().get("data").get("id").stringValue();
        responses.add(api.post("/api/ai-settings", "{\"provider\": \"openai\", \"model\": \"gpt-4\", \"token\": \"" + settingsCanary + "\"}"));
        long number = responses.getLast().json().get("id").longValue();
        responses.add(api.patch("/api/v1/system/ai/providers/" + id, "{\"apiKey\": \"" + canary + "-2\", \"isActive\": true}"));
        responses.add(api.post("/api/v1/system/ai/providers", "{\"name\": \"bad\", \"apiBaseUrl\": \"not a url\", \"apiKey\": \"" + canary + "\"}"));
        responses.add(api.get("/api/v1/system/ai/providers"));
        responses.add(api.get("/api/v1/system/ai/providers/" + id));
        responses.add(api.get("/api/v1/system/ai/providers/active"));
        responses.add(api.get("/api/ai-settings"));
        responses.add(api.get("/api/ai-settings/" + number));
        responses.add(api.get("/api/v1/system/audit?targetType=provider_profile&limit=1000"));

        assertThat(profiles.key(UUID.fromString(id))).as("the vault still has it").contains(canary + "-2");
        for (TestResponse response : responses) {
            assertThat(response.body()).doesNotContain(canary).doesNotContain(settingsCanary);
        }
        assertThat(output.getAll()).doesNotContain(canary).doesNotContain(settingsCanary);
        assertThat(tablesContaining(canary)).isEmpty();
        assertThat(tablesContaining(settingsCanary)).isEmpty();
        if (storage.embeddedDatabase()) {
            jdbc.sql("checkpoint").update();
            DatabaseFiles files = DatabaseFiles.scan(storage.dataDir().resolve("postgres"), marker, canary, settingsCanary);
            assertThat(files.bytes()).as("bytes read from the database files").isPositive();
            assertThat(files.unreadable()).as("files the scan could not read").isEmpty();
            assertThat(files.containing(marker)).as("the plain value written beside the canary").isNotEmpty();
            assertThat(files.containing(canary)).isEmpty();
            assertThat(files.containing(settingsCanary)).isEmpty();
        }
    }

    @Test
    void theMaskSentBackKeepsTheKeyANewValueReplacesItAndClearingIsExplicit(TestApi server) {
        TestApi api = server.asAdmin();
        String key = "sk-original-key-1234567890abcdef";
        TestResponse created = api.post("/api/v1/system/ai/providers", """
                {"name": "masked", "apiBaseUrl": "https://api.openai.com/v1", "apiKey": "%s", "modelName": "gpt-4o"}
                """.formatted(key));
        String id = created.json().get("data").get("id").stringValue();
        String mask = created.json().get("data").get("apiKey").stringValue();

        assertThat(mask).isEqualTo("****cdef");
        assertThat(created.json().get("data").get("apiKeyLastFour").stringValue()).isEqualTo("cdef");
        api.patch("/api/v1/system/ai/providers/" + id, "{\"apiKey\": \"" + mask + "\", \"name\": \"renamed\"}");
        assertThat(profiles.key(UUID.fromString(id))).contains(key);
        api.patch("/api/v1/system/ai/providers/" + id, "{\"apiKey\": \"****0000\"}");
        assertThat(profiles.key(UUID.fromString(id))).as("only the exact mask keeps the key").contains("****0000");
        TestResponse refused = api.patch("/api/v1/system/ai/providers/" + id, "{\"apiKey\": null}");
        assertThat(refused.status()).as("an openai profile needs its key").isEqualTo(400);
        assertThat(profiles.key(UUID.fromString(id))).contains("****0000");
    }

    @Test
    void anOllamaProfileCanHaveItsKeyClearedOnEitherSurface(TestApi server) {
        TestApi api = server.asAdmin();
        long number = api.post("/api/ai-settings", """
                {"provider": "ollama", "model": "llama3", "base_url": "http://localhost:11434", "token": "proxy-token"}
                """).json().get("id").longValue();
        assertThat(api.patch("/api/ai-settings/" + number,
                "{\"provider\": \"ollama\", \"model\": \"llama3\", \"token\": \"token is set\"}").status()).isEqualTo(202);
        assertThat(api.get("/api/ai-settings/" + number).json().get("token").stringValue()).isEqualTo("token is set");

        api.patch("/api/ai-settings/" + number, "{\"provider\": \"ollama\", \"model\": \"llama3\", \"token\": null}");

        assertThat(api.get("/api/ai-settings/" + number).json().get("token").isNull()).isTrue();
        UUID id = profiles.getByNumber(number).id();
        assertThat(profiles.key(id)).isEmpty();
        assertThat(jdbc.sql("select count(*) from vault_secrets where owner_id = ?").param(id.toString())
                .query(Long.class).single()).isZero();
    }

    @Test
    void deletingAProfileDeletesItsSealedKey(TestApi server) {
        TestApi api = server.asAdmin();
        String id = api.post("/api/v1/system/ai/providers", """
                {"name": "gone", "apiBaseUrl": "https://api.anthropic.com", "apiKey": "sk-ant-to-be-deleted", "modelName": "claude"}
                """).json().get("data").get("id").stringValue();

        api.delete("/api/v1/system/ai/providers/" + id);

        assertThat(jdbc.sql("select count(*) from vault_secrets where owner_id = ?").param(id).query(Long.class).single())
                .isZero();
    }

    @Test
    void aStoredKeyNeverFollowsTheProfileToAnotherEndpoint(TestApi server) {
        TestApi api = server.asAdmin();
        String id = api.post("/api/v1/system/ai/providers", """
                {"name": "pinned", "apiBaseUrl": "https://api.openai.com/v1", "apiKey": "sk-stays-home-0123456789",
                 "modelName": "gpt-4o"}""").json().get("data").get("id").stringValue();
        long number = profiles.get(UUID.fromString(id)).number();

        TestResponse moved = api.patch("/api/v1/system/ai/providers/" + id, "{\"apiBaseUrl\": \"https://elsewhere.example/v1\"}");
        TestResponse retyped = api.patch("/api/ai-settings/" + number, "{\"provider\": \"openai_like\", \"model\": \"gpt-4o\","
                + " \"base_url\": \"https://api.openai.com/v1\"}");
        TestResponse tested = api.post("/api/v1/system/ai/providers/test",
                "{\"profileId\": \"" + id + "\", \"apiBaseUrl\": \"https://elsewhere.example/v1\"}");
        TestResponse samePlace = api.patch("/api/v1/system/ai/providers/" + id, "{\"apiBaseUrl\": \"https://api.openai.com/v1/\"}");
        TestResponse withNewKey = api.patch("/api/v1/system/ai/providers/" + id,
                "{\"apiBaseUrl\": \"https://elsewhere.example/v1\", \"apiKey\": \"sk-for-elsewhere-0123456789\"}");

        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.json().get("errors").get(0).get("field").stringValue()).isEqualTo("apiKey");
        assertThat(retyped.status()).isEqualTo(400);
        assertThat(retyped.json().get("errors").get(0).get("field").stringValue()).isEqualTo("[token]");
        assertThat(tested.status()).isEqualTo(400);
        assertThat(samePlace.status()).as("same origin").isEqualTo(200);
        assertThat(withNewKey.status()).isEqualTo(200);
        assertThat(profiles.key(UUID.fromString(id))).contains("sk-for-elsewhere-0123456789");
    }

    private List<String> tablesContaining(String text) {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE'").query(String.class).list();
        return tables.stream()
                .filter(t -> jdbc.sql("select count(*) from \"" + t + "\" t where t::text like ?")
                        .param("%" + text + "%").query(Long.class).single() > 0)
                .toList();
    }

    /** What a scan of the files under a directory read, and which of them hold each of the texts it looked for. */
    record DatabaseFiles(long bytes, List<Path> unreadable, Map<String, List<Path>> containing) {

        static DatabaseFiles scan(Path dir, String... texts) throws IOException {
            long bytes = 0;
            List<Path> unreadable = new ArrayList<>();
            Map<String, List<Path>> containing = new LinkedHashMap<>();
            for (String text : texts) {
                containing.put(text, new ArrayList<>());
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] content;
                    try {
                        content = Files.readAllBytes(file);
                    } catch (IOException e) {
                        unreadable.add(file);
                        continue;
                    }
                    bytes += content.length;
                    for (String text : texts) {
                        if (contains(content, text.getBytes(StandardCharsets.UTF_8))) {
                            containing.get(text).add(file);
                        }
                    }
                }
            }
            return new DatabaseFiles(bytes, unreadable, containing);
        }

        List<Path> containing(String text) {
            return containing.get(text);
        }

        private static boolean contains(byte[] bytes, byte[] needle) {
            outer:
            for (int i = 0; i <= bytes.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
