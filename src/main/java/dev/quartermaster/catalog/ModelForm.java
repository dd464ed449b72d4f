package dev.quartermaster.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quartermaster.catalog.taxonomy.TaxonomyEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code get}: a model (or a draft, or a blank new model) as an editor's form. Each
 * section has what is {@code selected} and the {@code options} to choose from.
 */
public record ModelForm(String actorName,
                 boolean modelExists,
                 UUID modelId,
                 Integer version,
                 boolean canEdit,
                 String disabledReason,
                 UUID draftId,
                 Integer draftVersion,
                 UUID groupId,
                 boolean basicShowAiGenerate,
                 boolean providerShowAiGenerate,
                 boolean featuresShowAiGenerate,
                 TextSection names,
                 TextSection descriptions,
                 ValueSection values,
                 ProviderSection providers,
                 EntrySection flags,
                 EntrySection departments,
                 EntrySection modalities,
                 EntrySection temperatureLevels,
                 EntrySection pricing,
                 EntrySection reasoningLevels,
                 EntrySection qualities,
                 EntrySection voices,
                 ChoiceSection tier,
                 ChoiceSection capabilities,
                 Integer contextWindow,
                 Boolean active,
                 boolean sample) {

    /** A free-text field (name, description) and its limit. */
    public record TextSection(String value, int maxLength) {
    }

    /** The model id clients pass ({@code value}) and the "values" taxonomy entries. */
    public record ValueSection(String value, List<SectionEntry> selected, List<SectionEntry> options) {
    }

    /** The provider type and the provider profiles that serve the model. */
    public record ProviderSection(String provider, List<String> providerOptions,
                           List<ProviderOption> selected, List<ProviderOption> options) {
    }

    public record ProviderOption(UUID id, String name, String provider, String model, boolean active,
                          boolean hasKey) {
    }

    public record EntrySection(List<SectionEntry> selected, List<SectionEntry> options) {
    }

    /** A closed choice: the tier (one selected) or the capabilities (any). */
    public record ChoiceSection(List<String> selected, List<String> options) {
    }

    /** A taxonomy entry in a section; prices only on pricing entries. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SectionEntry(UUID id, String name, String description,
                        BigDecimal inputPricePerMillion,
                        BigDecimal outputPricePerMillion,
                        String currency) {

        public static SectionEntry of(TaxonomyEntry e) {
            return new SectionEntry(e.id(), e.name(), e.description(), e.inputPricePerMillion(),
                    e.outputPricePerMillion(), e.currency());
        }
    }
}
