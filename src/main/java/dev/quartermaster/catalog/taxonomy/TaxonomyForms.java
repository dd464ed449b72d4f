package dev.quartermaster.catalog.taxonomy;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.PatchRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog's taxonomy for a surface other than the admin API (the web console): entries of each
 * kind, pricing with its prices, through {@link TaxonomyAdmin} with the API's field names, checks,
 * versions and audit entries. The caller's permission is the surface's to check.
 */
@Service
public class TaxonomyForms {

    /** An entry's fields as a form sends them: text, prices too (pricing entries only). */
    public record Fields(String name, String description, String inputPricePerMillion, String outputPricePerMillion,
                         String currency) {

        public static Fields of(TaxonomyEntry entry) {
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

    /** The kind a path segment names ({@code pricing}, {@code reasoning-levels}, …), or a 404. */
    public static TaxonomyKind kind(String path) {
        return TaxonomyKind.fromPath(path).orElseThrow(() -> ApiException.notFound("no catalog taxonomy '" + path + "'"));
    }

    public List<TaxonomyEntry> list(TaxonomyKind kind) {
        return admin.list(kind);
    }

    public TaxonomyEntry get(TaxonomyKind kind, UUID id) {
        return admin.get(kind, id);
    }

    public TaxonomyEntry create(TaxonomyKind kind, Fields fields, Caller caller) {
        ObjectNode body = body(kind, fields);
        return admin.create(kind, mapper.readerFor(mapper.getTypeFactory()
                .constructParametricType(Checked.class, TaxonomyRequests.Entry.class)).readValue(body), caller);
    }

    /** Every field of the form is sent, so a change of any is one update and one new version. */
    public TaxonomyEntry update(TaxonomyKind kind, UUID id, Fields fields, Caller caller) {
        return admin.update(kind, id, PatchRequest.of(body(kind, fields)), caller);
    }

    public TaxonomyEntry delete(TaxonomyKind kind, UUID id, Caller caller) {
        return admin.delete(kind, id, caller);
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
