package dev.quartermaster.catalog.taxonomy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A shared taxonomy record as the system API shows it. Only pricing entries have prices (per
 * million tokens) and a currency (ISO 4217 code).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaxonomyEntry(UUID id, String kind, String name, String description, BigDecimal inputPricePerMillion,
                     BigDecimal outputPricePerMillion, String currency, OffsetDateTime createdAt,
                     OffsetDateTime updatedAt, int version) {

    TaxonomyKind taxonomyKind() {
        return TaxonomyKind.fromStored(kind);
    }
}
