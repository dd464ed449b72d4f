package dev.quartermaster.catalog.model;

import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an editor sets on a model: the state of a draft, or of a model before it is stored. Fields
 * may be null while a draft is incomplete; {@link ModelRules} decides when it is complete.
 */
public record ModelFields(String name, String description, String value, String provider, String tier,
                   List<String> capabilities, Integer contextWindow, Boolean active, List<UUID> providerIds,
                   Map<TaxonomyKind, List<UUID>> sections) {

    public static final ModelFields EMPTY = new ModelFields(null, null, null, null, null, List.of(), null, null, List.of(),
            Map.of());

    public ModelFields {
        capabilities = List.copyOf(capabilities);
        providerIds = List.copyOf(providerIds);
        Map<TaxonomyKind, List<UUID>> copy = new EnumMap<>(TaxonomyKind.class);
        sections.forEach((kind, ids) -> copy.put(kind, List.copyOf(ids)));
        sections = Map.copyOf(copy);
    }

    public List<UUID> section(TaxonomyKind kind) {
        return sections.getOrDefault(kind, List.of());
    }

    /** Every selected taxonomy entry, of whatever kind. */
    List<UUID> taxonomyIds() {
        return sections.values().stream().flatMap(List::stream).distinct().toList();
    }

    public ModelFields withNameAndValue(String newName, String newValue) {
        return new ModelFields(newName, description, newValue, provider, tier, capabilities, contextWindow, active,
                providerIds, sections);
    }

    ModelFields withDefaults(String defaultProvider, String defaultTier) {
        return new ModelFields(name, description == null ? "" : description, value,
                provider == null ? defaultProvider : provider, tier == null ? defaultTier : tier, capabilities,
                contextWindow, active == null ? Boolean.TRUE : active, providerIds, sections);
    }
}
