package dev.quartermaster.catalog.taxonomy;

import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The admin rules of every taxonomy kind at once: a name unique within its kind; prices and a
 * currency on pricing entries and on no other.
 */
@Service
public class TaxonomyAdmin {

    private static final List<String> FIELDS = List.of("name", "description", "inputPricePerMillion",
            "outputPricePerMillion", "currency");

    private final TaxonomyStore store;
    private final Taxonomy taxonomy;
    private final Changes changes;

    TaxonomyAdmin(TaxonomyStore store, Taxonomy taxonomy, Changes changes) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.changes = changes;
    }

    public List<TaxonomyEntry> list(TaxonomyKind kind) {
        return taxonomy.entries(kind);
    }

    public TaxonomyEntry get(TaxonomyKind kind, UUID id) {
        return store.find(kind, id).orElseThrow(() -> ApiException.notFound("no " + kind.stored() + " " + id));
    }

    @Transactional
    public TaxonomyEntry create(TaxonomyKind kind, PatchRequest body) {
        String name = name(kind, body, null);
        String description = body.stringAtMost("description", 1000);
        TaxonomyStore.Prices prices = prices(kind, body, null);
        body.validate();
        UUID id = store.insert(kind, name, description == null ? "" : description, prices);
        changed();
        return get(kind, id);
    }

    /** Checks every sent field over the current entry, then writes them in one update: one PATCH, one version. */
    @Transactional
    public TaxonomyEntry update(TaxonomyKind kind, UUID id, PatchRequest patch) {
        TaxonomyEntry current = get(kind, id);
        String name = patch.has("name") ? name(kind, patch, id) : current.name();
        String description = patch.has("description") ? patch.stringAtMost("description", 1000) : current.description();
        TaxonomyStore.Prices prices = prices(kind, patch, current);
        patch.validate();
        if (FIELDS.stream().anyMatch(patch::has)) {
            store.update(id, name, description == null ? "" : description, prices);
            changed();
        }
        return get(kind, id);
    }

    @Transactional
    public TaxonomyEntry delete(TaxonomyKind kind, UUID id) {
        TaxonomyEntry entry = get(kind, id);
        store.delete(kind, id);
        changed();
        return entry;
    }

    private String name(TaxonomyKind kind, PatchRequest body, UUID self) {
        String name = body.string("name");
        if (name == null || name.isBlank() || name.length() > 100) {
            body.reject(new FieldError("name", "must be 1-100 characters"));
        } else if (store.nameTaken(kind, name, self)) {
            body.reject(new FieldError("name", "is already taken by another " + kind.stored()));
        }
        return name;
    }

    /** Prices of a pricing entry (the sent ones over the current ones); none for the other kinds. */
    private TaxonomyStore.Prices prices(TaxonomyKind kind, PatchRequest body, TaxonomyEntry current) {
        List<FieldError> errors = new ArrayList<>();
        if (kind != TaxonomyKind.PRICING) {
            for (String field : List.of("inputPricePerMillion", "outputPricePerMillion", "currency")) {
                if (body.has(field)) {
                    errors.add(new FieldError(field, "only pricing entries have prices"));
                }
            }
            errors.forEach(body::reject);
            return TaxonomyStore.Prices.NONE;
        }
        BigDecimal input = price(body, "inputPricePerMillion", current == null ? null : current.inputPricePerMillion());
        BigDecimal output = price(body, "outputPricePerMillion", current == null ? null : current.outputPricePerMillion());
        String currency = body.has("currency") ? body.string("currency") : current == null ? null : current.currency();
        if (currency == null || !currency.matches("^[A-Z]{3}$")) {
            body.reject(new FieldError("currency", "must be an ISO 4217 code such as USD"));
        }
        return new TaxonomyStore.Prices(input, output, currency);
    }

    private static BigDecimal price(PatchRequest body, String field, BigDecimal current) {
        if (!body.has(field)) {
            if (current == null) {
                body.reject(new FieldError(field, "is required for pricing entries"));
            }
            return current;
        }
        JsonNode node = body.node(field);
        if (node == null || !node.isNumber() || node.decimalValue().signum() < 0
                || node.decimalValue().compareTo(new BigDecimal("99999999")) > 0) {
            body.reject(new FieldError(field, "must be a number from 0 to 99999999 (price per million tokens)"));
            return null;
        }
        return node.decimalValue().setScale(Math.min(6, Math.max(0, node.decimalValue().scale())),
                java.math.RoundingMode.HALF_UP);
    }

    private void changed() {
        taxonomy.invalidate();
        changes.publish(Taxonomy.TOPIC);
    }
}
