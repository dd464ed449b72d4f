package dev.quartermaster.catalog.taxonomy;

import dev.quartermaster.audit.AuditLog;
import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.FieldChanges;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final AuditLog audit;

    TaxonomyAdmin(TaxonomyStore store, Taxonomy taxonomy, Changes changes, AuditLog audit) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.changes = changes;
        this.audit = audit;
    }

    public List<TaxonomyEntry> list(TaxonomyKind kind) {
        return taxonomy.entries(kind);
    }

    public TaxonomyEntry get(TaxonomyKind kind, UUID id) {
        return store.find(kind, id).orElseThrow(() -> ApiException.notFound("no " + kind.stored() + " " + id));
    }

    @Transactional
    public TaxonomyEntry create(TaxonomyKind kind, Checked<TaxonomyRequests.Entry> body, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (body.sent().name() != null && store.nameTaken(kind, body.sent().name(), null)) {
            errors.add(new FieldError("name", "is already taken by another " + kind.stored()));
        }
        TaxonomyStore.Prices prices = prices(kind, body.sent(), errors);
        body.rejectAll(errors);
        TaxonomyRequests.Entry entry = body.valid();
        UUID id = store.insert(kind, entry.name(), entry.description() == null ? "" : entry.description(), prices);
        changed();
        TaxonomyEntry created = get(kind, id);
        audit.record(caller, "create", auditType(kind), id.toString(), describe(created));
        return created;
    }

    /** Checks every sent field over the current entry, then writes them in one update: one PATCH, one version. */
    @Transactional
    public TaxonomyEntry update(TaxonomyKind kind, UUID id, PatchRequest patch, Caller caller) {
        TaxonomyEntry current = get(kind, id);
        String name = patch.has("name") ? name(kind, patch, id) : current.name();
        String description = patch.has("description") ? patch.stringAtMost("description", TaxonomyRequests.DESCRIPTION) : current.description();
        TaxonomyStore.Prices prices = prices(kind, patch, current);
        patch.validate();
        if (FIELDS.stream().anyMatch(patch::has)) {
            store.update(id, name, description == null ? "" : description, prices);
            changed();
        }
        TaxonomyEntry after = get(kind, id);
        Map<String, Object> changed = FieldChanges.between(describe(current), describe(after));
        if (!changed.isEmpty()) {
            audit.record(caller, "update", auditType(kind), id.toString(), changed);
        }
        return after;
    }

    @Transactional
    public TaxonomyEntry delete(TaxonomyKind kind, UUID id, Caller caller) {
        TaxonomyEntry entry = get(kind, id);
        store.delete(kind, id);
        changed();
        audit.record(caller, "delete", auditType(kind), id.toString(), describe(entry));
        return entry;
    }

    private static String auditType(TaxonomyKind kind) {
        return "taxonomy_" + kind.stored();
    }

    /** An entry as its audit entries show it; prices exactly, as written. */
    private static Map<String, Object> describe(TaxonomyEntry entry) {
        return FieldChanges.of("name", entry.name(), "description", entry.description(),
                "inputPricePerMillion", FieldChanges.plain(entry.inputPricePerMillion()),
                "outputPricePerMillion", FieldChanges.plain(entry.outputPricePerMillion()), "currency", entry.currency());
    }

    private String name(TaxonomyKind kind, PatchRequest body, UUID self) {
        String name = body.string("name");
        if (name == null || name.isBlank() || name.length() > TaxonomyRequests.NAME) {
            body.reject(new FieldError("name", TaxonomyRequests.NAME_RULE));
        } else if (store.nameTaken(kind, name, self)) {
            body.reject(new FieldError("name", "is already taken by another " + kind.stored()));
        }
        return name;
    }

    /** The prices of a new entry: required on a pricing entry, refused on any other. */
    private static TaxonomyStore.Prices prices(TaxonomyKind kind, TaxonomyRequests.Entry entry, List<FieldError> errors) {
        java.util.Map<String, Object> sent = new java.util.LinkedHashMap<>();
        sent.put("inputPricePerMillion", entry.inputPricePerMillion());
        sent.put("outputPricePerMillion", entry.outputPricePerMillion());
        sent.put("currency", entry.currency());
        sent.forEach((field, value) -> {
            if (kind != TaxonomyKind.PRICING && value != null) {
                errors.add(new FieldError(field, "only pricing entries have prices"));
            } else if (kind == TaxonomyKind.PRICING && value == null) {
                errors.add(new FieldError(field, field.equals("currency") ? TaxonomyRequests.CURRENCY_RULE
                        : "is required for pricing entries"));
            }
        });
        return kind != TaxonomyKind.PRICING ? TaxonomyStore.Prices.NONE : new TaxonomyStore.Prices(
                scaled(entry.inputPricePerMillion()), scaled(entry.outputPricePerMillion()), entry.currency());
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
        if (currency == null || !currency.matches(TaxonomyRequests.CURRENCY)) {
            body.reject(new FieldError("currency", TaxonomyRequests.CURRENCY_RULE));
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
                || node.decimalValue().compareTo(new BigDecimal(TaxonomyRequests.MAX_PRICE)) > 0) {
            body.reject(new FieldError(field, TaxonomyRequests.PRICE_RULE));
            return null;
        }
        return scaled(node.decimalValue());
    }

    /** Prices are stored with at most six decimals. */
    private static BigDecimal scaled(BigDecimal price) {
        return price == null ? null : price.setScale(Math.min(6, Math.max(0, price.scale())), java.math.RoundingMode.HALF_UP);
    }

    private void changed() {
        taxonomy.invalidate();
        changes.publish(Catalog.TAXONOMY_TOPIC);
    }
}
