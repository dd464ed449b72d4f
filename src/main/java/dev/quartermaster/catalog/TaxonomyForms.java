package dev.quartermaster.catalog;

import dev.quartermaster.catalog.taxonomy.TaxonomyAdmin;
import dev.quartermaster.catalog.taxonomy.TaxonomyEntry;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import dev.quartermaster.catalog.taxonomy.TaxonomyRequests;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.PatchRequest;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog's taxonomy for a surface other than the admin API (the web console): entries of each
 * kind, named by its path segment ({@code pricing}, {@code reasoning-levels}, …), pricing with its
 * prices, through the taxonomy service with the API's field names, checks, versions and audit
 * entries. The caller's permission is the surface's to check.
 */
@Service
public class TaxonomyForms {

    public static final String PRICING = TaxonomyKind.PRICING.path();
    public static final List<String> KINDS = Arrays.stream(TaxonomyKind.values()).map(TaxonomyKind::path).toList();

    /** An entry as a page shows it; prices only on pricing entries. */
    public record Entry(UUID id, String name, String description, BigDecimal inputPricePerMillion,
                        BigDecimal outputPricePerMillion, String currency, int version) {

        static Entry of(TaxonomyEntry e) {
            return new Entry(e.id(), e.name(), e.description(), e.inputPricePerMillion(), e.outputPricePerMillion(),
                    e.currency(), e.version());
        }
    }

    /** An entry's fields as a form sends them: text, prices too (pricing entries only). */
    public record Fields(String name, String description, String inputPricePerMillion, String outputPricePerMillion,
                         String currency) {

        public static Fields of(Entry entry) {
            return new Fields(entry.name(), entry.description(), plain(entry.inputPricePerMillion()),
                    plain(entry.outputPricePerMillion()), entry.currency());
        }

        private static String plain(BigDecimal price) {
            return price == null ? "" : price.stripTrailingZeros().toPlainString();
        }
    }

    private final TaxonomyAdmin admin;
    private final JsonMapper mapper;

    TaxonomyForms(TaxonomyAdmin admin, JsonMapper mapper) {
        this.admin = admin;
        this.mapper = mapper;
    }

    public List<Entry> list(String kind) {
        return admin.list(kind(kind)).stream().map(Entry::of).toList();
    }

    public Entry get(String kind, UUID id) {
        return Entry.of(admin.get(kind(kind), id));
    }

    public Entry create(String kind, Fields fields, Caller caller) {
        TaxonomyKind k = kind(kind);
        Checked<TaxonomyRequests.Entry> body = mapper.readerFor(mapper.getTypeFactory()
                .constructParametricType(Checked.class, TaxonomyRequests.Entry.class)).readValue(body(k, fields));
        return Entry.of(admin.create(k, body, caller));
    }

    /** Every field of the form is sent, so a change of any is one update and one new version. */
    public Entry update(String kind, UUID id, Fields fields, Caller caller) {
        TaxonomyKind k = kind(kind);
        return Entry.of(admin.update(k, id, PatchRequest.of(body(k, fields)), caller));
    }

    public Entry delete(String kind, UUID id, Caller caller) {
        return Entry.of(admin.delete(kind(kind), id, caller));
    }

    private static TaxonomyKind kind(String path) {
        return TaxonomyKind.fromPath(path).orElseThrow(() -> ApiException.notFound("no catalog taxonomy '" + path + "'"));
    }

    private ObjectNode body(TaxonomyKind kind, Fields fields) {
        ObjectNode body = mapper.createObjectNode();
        body.put("name", text(fields.name()));
        body.put("description", fields.description() == null ? "" : fields.description().strip());
        if (kind == TaxonomyKind.PRICING) {
            body.put("inputPricePerMillion", price("inputPricePerMillion", fields.inputPricePerMillion()));
            body.put("outputPricePerMillion", price("outputPricePerMillion", fields.outputPricePerMillion()));
            body.put("currency", text(fields.currency()));
        }
        return body;
    }

    private static BigDecimal price(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "must be a number such as 2.50 (price per million tokens)");
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
