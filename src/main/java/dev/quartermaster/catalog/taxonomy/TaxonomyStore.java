package dev.quartermaster.catalog.taxonomy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code catalog_taxonomy}, one table for all nine kinds. */
@Repository
class TaxonomyStore {

    private static final String SELECT = """
            select id, kind, name, description, input_price_per_million, output_price_per_million, currency,
                   created_at, updated_at, version
              from catalog_taxonomy
            """;

    private final JdbcClient jdbc;

    TaxonomyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TaxonomyEntry> all() {
        return jdbc.sql(SELECT + " order by kind, lower(name), id").query(TaxonomyEntry.class).list();
    }

    Optional<TaxonomyEntry> find(TaxonomyKind kind, UUID id) {
        return jdbc.sql(SELECT + " where kind = ? and id = ?").params(kind.stored(), id)
                .query(TaxonomyEntry.class).optional();
    }

    boolean nameTaken(TaxonomyKind kind, String name, UUID except) {
        return jdbc.sql("select count(*) from catalog_taxonomy where kind = ? and lower(name) = lower(?) and id is distinct from ?")
                .params(kind.stored(), name, except).query(Long.class).single() > 0;
    }

    UUID insert(TaxonomyKind kind, String name, String description, Prices prices) {
        return jdbc.sql("""
                insert into catalog_taxonomy (kind, name, description, input_price_per_million,
                                              output_price_per_million, currency)
                values (?, ?, ?, ?, ?, ?) returning id
                """)
                .params(kind.stored(), name, description, prices.input(), prices.output(), prices.currency())
                .query(UUID.class).single();
    }

    /** Writes every field of an entry at once, so that one change is one version. */
    void update(UUID id, String name, String description, Prices prices) {
        jdbc.sql("""
                update catalog_taxonomy
                   set name = ?, description = ?, input_price_per_million = ?, output_price_per_million = ?,
                       currency = ?, updated_at = now(), version = version + 1
                 where id = ?
                """)
                .params(name, description, prices.input(), prices.output(), prices.currency(), id).update();
    }

    boolean delete(TaxonomyKind kind, UUID id) {
        return jdbc.sql("delete from catalog_taxonomy where kind = ? and id = ?").params(kind.stored(), id).update() > 0;
    }

    /** The price columns of a pricing entry; all null for the other kinds. */
    record Prices(BigDecimal input, BigDecimal output, String currency) {

        static final Prices NONE = new Prices(null, null, null);
    }
}
