package dev.quartermaster.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.quartermaster.catalog.taxonomy.Taxonomy;
import dev.quartermaster.catalog.taxonomy.TaxonomyEntry;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.providers.ProfileSummary;
import dev.quartermaster.providers.ProviderProfiles;
import dev.quartermaster.providers.ProviderType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A draft needs only the values it has to be valid; a model to be stored also needs a name, a value
 * and a provider. Tiers, profiles and taxonomy are stand-ins holding one known entry each.
 */
class ModelRulesTest {

    private static final UUID PROFILE = UUID.randomUUID();
    private static final UUID DEPARTMENT = UUID.randomUUID();

    ModelRules rules;

    @BeforeEach
    void setUp() {
        Tiers tiers = mock(Tiers.class);
        Tier free = new Tier("free", 0, "", false, null, null);
        when(tiers.find(anyString())).thenReturn(Optional.empty());
        when(tiers.find("free")).thenReturn(Optional.of(free));
        when(tiers.all()).thenReturn(List.of(free));
        when(tiers.lowest()).thenReturn(free);
        ProviderProfiles profiles = mock(ProviderProfiles.class);
        when(profiles.find(any())).thenReturn(Optional.empty());
        when(profiles.find(PROFILE)).thenReturn(Optional.of(
                new ProfileSummary(PROFILE, 1, "local", ProviderType.OLLAMA, "llama3", true, false)));
        Taxonomy taxonomy = mock(Taxonomy.class);
        when(taxonomy.find(any(), any())).thenReturn(Optional.empty());
        when(taxonomy.find(TaxonomyKind.DEPARTMENT, DEPARTMENT)).thenReturn(Optional.of(new TaxonomyEntry(DEPARTMENT,
                "department", "sales", "", null, null, null, null, null, 1)));
        rules = new ModelRules(tiers, profiles, taxonomy);
    }

    @Test
    void anEmptyDraftIsValidButAnEmptyModelNeedsNameValueAndProvider() {
        assertThat(rules.check(ModelFields.EMPTY, false)).isEmpty();
        assertThat(rules.check(ModelFields.EMPTY, true)).extracting(FieldError::field)
                .containsExactly("name", "value", "provider");
    }

    @ParameterizedTest(name = "value {0} is a model id clients can pass")
    @ValueSource(strings = {"gpt-4o", "llama3.1:8b", "models/gemini-2.5-pro", "org/model@v2", "a+b_c"})
    void modelIdsAsProvidersSpellThem(String value) {
        assertThat(rules.check(fields("Name", value, "openai"), true)).isEmpty();
    }

    @ParameterizedTest(name = "value \"{0}\" is refused")
    @ValueSource(strings = {"-starts-with-dash", "has space", "semi;colon", ""})
    void otherValuesAreRefusedEvenInADraft(String value) {
        assertThat(rules.check(fields(null, value, null), false)).extracting(FieldError::field).containsExactly("value");
    }

    @Test
    void aValueOf200CharactersIsTheLongest() {
        assertThat(rules.check(fields("n", "v".repeat(200), "openai"), true)).isEmpty();
        assertThat(rules.check(fields("n", "v".repeat(201), "openai"), true)).extracting(FieldError::field)
                .containsExactly("value");
    }

    @Test
    void eachFieldIsCheckedAgainstWhatExists() {
        ModelFields bad = new ModelFields(null, null, null, "azure", "platinum", List.of("chat", "telepathy"), 0, null,
                List.of(UUID.randomUUID()), Map.of(TaxonomyKind.DEPARTMENT, List.of(DEPARTMENT, UUID.randomUUID())));

        assertThat(rules.check(bad, false)).extracting(FieldError::field).containsExactly("provider", "tier",
                "capabilities[1]", "context_window", "provider_ids[0]", "department_ids[1]");
    }

    @Test
    void aProviderProfileStandsInForTheProviderAndCompletionFillsTheDefaults() {
        ModelFields viaProfile = new ModelFields("Local", null, "llama3", null, null, List.of(), null, null,
                List.of(PROFILE), Map.of());

        ModelFields completed = rules.complete(viaProfile);

        assertThat(rules.check(completed, true)).isEmpty();
        assertThat(completed.provider()).isEqualTo("ollama");
        assertThat(completed.tier()).isEqualTo("free");
        assertThat(completed.active()).isTrue();
        assertThat(completed.description()).isEmpty();
    }

    private static ModelFields fields(String name, String value, String provider) {
        return new ModelFields(name, null, value, provider, null, List.of(), null, null, List.of(), Map.of());
    }
}
