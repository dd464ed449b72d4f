package dev.quartermaster.catalog.taxonomy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The nine kinds of shared taxonomy records a model's sections select from. Each has its admin path
 * segment, its stored kind, its section name in a model's form and the request field of its ids.
 */
public enum TaxonomyKind {
    FLAG("flags", "flag"),
    DEPARTMENT("departments", "department"),
    MODALITY("modalities", "modality"),
    PRICING("pricing", "pricing"),
    QUALITY("qualities", "quality"),
    REASONING_LEVEL("reasoning-levels", "reasoning_level"),
    TEMPERATURE_LEVEL("temperature-levels", "temperature_level"),
    VOICE("voices", "voice"),
    VALUE("values", "value");

    private final String path;
    private final String stored;

    TaxonomyKind(String path, String stored) {
        this.path = path;
        this.stored = stored;
    }

    /** Segment under {@code /api/v1/system/catalog/}. */
    public String path() {
        return path;
    }

    /** The {@code kind} column. */
    public String stored() {
        return stored;
    }

    /** The section of a model's form: {@code reasoning_levels}. */
    public String section() {
        return path.replace('-', '_');
    }

    /** The request field listing the selected entries: {@code reasoning_level_ids}. */
    public String idsField() {
        return stored + "_ids";
    }

    public static Optional<TaxonomyKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    public static TaxonomyKind fromStored(String stored) {
        return Arrays.stream(values()).filter(k -> k.stored.equals(stored)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown taxonomy kind " + stored));
    }
}
