package dev.quartermaster.catalog.model;

import dev.quartermaster.catalog.ArtifactRequests;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model fields of the v5 surface in their wire form (snake_case), read from a create or update
 * item or a draft patch onto a base, and written back for a draft's stored state. One reader for
 * all three, so that they accept exactly the same fields.
 */
public final class ModelInput {

    public static final List<String> FIELDS = fields();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelInput() {
    }

    /** Reads the item as a patch; a field that is neither a model field nor one of {@code extra} is refused. */
    public static PatchRequest read(JsonNode item, Set<String> extra) {
        PatchRequest patch = PatchRequest.of(item);
        for (String field : item.propertyNames()) {
            if (!FIELDS.contains(field) && !extra.contains(field)) {
                patch.reject(new FieldError(field, "is not a field of a model"));
            }
        }
        return patch;
    }

    /** The base with every field the patch sends replaced; {@code null} clears. */
    public static ModelFields apply(PatchRequest p, ModelFields base) {
        Map<TaxonomyKind, List<UUID>> sections = new EnumMap<>(TaxonomyKind.class);
        sections.putAll(base.sections());
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            if (p.has(kind.idsField())) {
                sections.put(kind, p.uuids(kind.idsField()));
            }
        }
        return new ModelFields(
                p.has("name") ? p.stringAtMost("name", ArtifactRequests.NAME) : base.name(),
                p.has("description") ? p.stringAtMost("description", ArtifactRequests.DESCRIPTION) : base.description(),
                p.has("value") ? p.stringAtMost("value", ArtifactRequests.VALUE) : base.value(),
                p.has("provider") ? p.string("provider") : base.provider(),
                p.has("tier") ? p.string("tier") : base.tier(),
                p.has("capabilities") ? distinct(p.strings("capabilities")) : base.capabilities(),
                p.has("context_window") ? p.integer("context_window") : base.contextWindow(),
                p.has("active") ? p.bool("active") : base.active(),
                p.has("provider_ids") ? p.uuids("provider_ids") : base.providerIds(),
                sections);
    }

    /** The fields in wire form, as a draft stores them and {@code form_state} shows them. */
    public static ObjectNode write(ModelFields fields) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", fields.name());
        node.put("description", fields.description());
        node.put("value", fields.value());
        node.put("provider", fields.provider());
        node.put("tier", fields.tier());
        strings(node.putArray("capabilities"), fields.capabilities());
        node.put("context_window", fields.contextWindow());
        node.put("active", fields.active());
        strings(node.putArray("provider_ids"), fields.providerIds().stream().map(UUID::toString).toList());
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            strings(node.putArray(kind.idsField()), fields.section(kind).stream().map(UUID::toString).toList());
        }
        return node;
    }

    public static ModelFields parseStored(String json) {
        return apply(PatchRequest.of(JSON.readTree(json)), ModelFields.EMPTY);
    }


    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> fields() {
        List<String> fields = new ArrayList<>(List.of("name", "description", "value", "provider", "tier",
                "capabilities", "context_window", "active", "provider_ids"));
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            fields.add(kind.idsField());
        }
        return List.copyOf(fields);
    }
}
