package dev.quartermaster.providers.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.egress.Egress;
import dev.quartermaster.egress.TestEgress;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.providers.ProviderType;
import dev.quartermaster.providers.profile.ProfileRules.Candidate;
import dev.quartermaster.providers.profile.ProfileRules.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The AI-settings seed's validation table, checked without a server; each surface only renames the fields. */
class ProfileRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Egress EGRESS = TestEgress.of(true);
    private static final ProfileRules RULES = new ProfileRules(EGRESS);

    @AfterAll
    static void closeEgress() throws Exception {
        EGRESS.destroy();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptable")
    void anAcceptableProfileHasNoErrors(String description, Candidate candidate) {
        assertThat(RULES.check(candidate, Field::name)).isEmpty();
    }

    static Stream<Arguments> acceptable() {
        return Stream.of(
                Arguments.of("openai with a key and the default endpoint", keyed("openai", null)),
                Arguments.of("ollama without a key", new Candidate("ollama", "llama3", false, null,
                        "http://localhost:11434", null, null, null, null)),
                Arguments.of("a LAN endpoint where private addresses are allowed", keyed("openai_like", "http://10.0.0.7/v1")),
                Arguments.of("every optional text at its longest", new Candidate("openai", "m".repeat(255), true,
                        "k".repeat(255), null, "n".repeat(255), "d".repeat(4012), json("{\"team\": \"ml\", \"n\": 1}"),
                        "p".repeat(20_000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void eachRuleNamesItsFieldAndSaysWhy(String description, Candidate candidate, FieldError expected) {
        assertThat(RULES.check(candidate, Field::name)).containsExactly(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("no provider", new Candidate(null, "m", true, "k", null, null, null, null, null),
                        Field.PROVIDER, "Provider is required"),
                refused("an unknown provider", keyed("azure", "https://example.com"),
                        Field.PROVIDER, "Provider must be one of: openai, gemini, mistral, ollama, anthropic, openai_like"),
                refused("a blank model", new Candidate("openai", " ", true, "k", null, null, null, null, null),
                        Field.MODEL, "Model is required"),
                refused("a model of 256 characters", new Candidate("openai", "m".repeat(256), true, "k", null, null, null,
                        null, null), Field.MODEL, "Model must be 1-255 characters"),
                refused("no key for a provider that needs one", new Candidate("anthropic", "claude", false, null, null,
                        null, null, null, null), Field.TOKEN, "API Token is required for all providers except ollama"),
                refused("a key of 256 characters", new Candidate("openai", "m", true, "k".repeat(256), null, null, null,
                        null, null), Field.TOKEN, "API Token must be at most 255 characters"),
                refused("ollama without a base URL", new Candidate("ollama", "llama3", false, null, " ", null, null, null,
                        null), Field.BASE_URL, "Base URL is required for ollama and openai_like providers"),
                refused("openai_like without a base URL", keyed("openai_like", null),
                        Field.BASE_URL, "Base URL is required for ollama and openai_like providers"),
                refused("a base URL of 501 characters", keyed("openai", "https://x.example/" + "a".repeat(483)),
                        Field.BASE_URL, "Base URL must be at most 500 characters"),
                refused("a base URL without a host", keyed("openai", "not a url"),
                        Field.BASE_URL, "Base URL must be a valid URL"),
                refused("an empty name", new Candidate("openai", "m", true, "k", null, "", null, null, null),
                        Field.NAME, "Name must be 1-255 characters"),
                refused("a description of 4013 characters", new Candidate("openai", "m", true, "k", null, null,
                        "d".repeat(4013), null, null), Field.DESCRIPTION, "Description must be at most 4012 characters"),
                refused("a system prompt of 20001 characters", new Candidate("openai", "m", true, "k", null, null, null,
                        null, "p".repeat(20_001)), Field.SYSTEM_PROMPT, "Default system prompt must be at most 20000 characters"),
                refused("meta that is not an object", new Candidate("openai", "m", true, "k", null, null, null,
                        json("[1, 2]"), null), Field.META, "Meta must be an object of key-value pairs"),
                refused("meta with a nested value", new Candidate("openai", "m", true, "k", null, null, null,
                        json("{\"tags\": [\"a\"]}"), null), Field.META,
                        "Meta value 'tags' must be scalar (string, integer, float, boolean or null)"));
    }

    @Test
    void aCloudMetadataAddressIsRefusedAsABaseUrl() {
        assertThat(RULES.check(keyed("openai_like", "http://169.254.169.254/latest"), Field::name))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("BASE_URL");
                    assertThat(e.message()).startsWith("Base URL is not allowed: ");
                });
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceUnderTheSurfacesNames() {
        Candidate broken = new Candidate("azure", "", false, null, "not a url", "", null, json("1"), null);
        Map<Field, String> names = Map.of(Field.PROVIDER, "provider", Field.MODEL, "modelName", Field.TOKEN, "apiKey",
                Field.BASE_URL, "apiBaseUrl", Field.NAME, "name", Field.META, "meta");

        assertThat(RULES.check(broken, names::get)).extracting(FieldError::field)
                .containsExactly("provider", "modelName", "apiKey", "apiBaseUrl", "name", "meta");
    }

    @Test
    void theValuesOfACheckedCandidateHaveABlankBaseUrlAsNoneAndMetaAsScalars() {
        Candidate candidate = new Candidate("mistral", "mistral-small", true, "k", "  ", "n", "d",
                json("{\"s\": \"x\", \"i\": 3, \"f\": 0.5, \"b\": true, \"none\": null}"), "be brief");

        ProfileValues values = ProfileRules.values(candidate);

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("s", "x");
        meta.put("i", 3L);
        meta.put("f", 0.5);
        meta.put("b", true);
        meta.put("none", null);
        assertThat(values.provider()).isEqualTo(ProviderType.MISTRAL);
        assertThat(values.baseUrl()).isNull();
        assertThat(values.meta()).containsExactlyEntriesOf(meta);
        assertThat(values.defaultSystemPrompt()).isEqualTo("be brief");
    }

    private static Candidate keyed(String provider, String baseUrl) {
        return new Candidate(provider, "m", true, "k", baseUrl, null, null, null, null);
    }

    private static Arguments refused(String description, Candidate candidate, Field field, String message) {
        return Arguments.of(description, candidate, new FieldError(field.name(), message));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
