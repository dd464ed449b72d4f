package dev.quartermaster.catalog.taxonomy;

import dev.quartermaster.platform.CheckedBody;
import dev.quartermaster.platform.Text;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Create bodies of taxonomy entries and agents, and the limits their partial updates share. */
public final class TaxonomyRequests {

    static final int NAME = 100;
    static final String NAME_RULE = "must be 1-" + NAME + " characters";
    static final int DESCRIPTION = 1000;
    static final String MAX_PRICE = "99999999";
    static final String PRICE_RULE = "must be a number from 0 to " + MAX_PRICE + " (price per million tokens)";
    static final String CURRENCY = "^[A-Z]{3}$";
    static final String CURRENCY_RULE = "must be an ISO 4217 code such as USD";

    private TaxonomyRequests() {
    }

    /** Prices and a currency are for pricing entries only, and required there ({@link TaxonomyAdmin}). */
    @CheckedBody
    public record Entry(
            @NotBlank(message = NAME_RULE) @Size(max = NAME, message = NAME_RULE) String name,
            @Size(max = DESCRIPTION, message = Text.AT_MOST) String description,
            @DecimalMin(value = "0", message = PRICE_RULE) @DecimalMax(value = MAX_PRICE, message = PRICE_RULE)
            BigDecimal inputPricePerMillion,
            @DecimalMin(value = "0", message = PRICE_RULE) @DecimalMax(value = MAX_PRICE, message = PRICE_RULE)
            BigDecimal outputPricePerMillion,
            @Pattern(regexp = CURRENCY, message = CURRENCY_RULE) String currency) {
    }

    @CheckedBody
    public record NewAgent(
            @NotBlank(message = NAME_RULE) @Size(max = NAME, message = NAME_RULE) String name,
            @Size(max = DESCRIPTION, message = Text.AT_MOST) String description,
            List<UUID> modelIds) {

        public NewAgent {
            modelIds = modelIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(modelIds));
        }
    }
}
