package dev.quartermaster.catalog.export;

import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The export's rows, denormalized in SQL: catalog columns and the names of linked records, nothing
 * that could hold a secret. Read through a cursor, so memory stays bounded whatever the catalog's size.
 */
@Repository
class ExportStore {

    private static final String ROWS = """
            select m.id, m.value, m.name, m.description, m.provider, m.tier,
                   array_to_string(m.capabilities, '; ') as capabilities, m.context_window, m.active::text, m.sample::text,
                   (select string_agg(coalesce(p.name, p.model) || ' (' || p.provider || ')', '; ' order by mp.position)
                      from catalog_model_providers mp join provider_profiles p on p.id = mp.profile_id
                     where mp.model_id = m.id) as provider_profiles,
                   %s,
                   (select string_agg(a.name, '; ' order by lower(a.name)) from catalog_agent_models am
                      join catalog_agents a on a.id = am.agent_id where am.model_id = m.id) as agents,
                   m.version, to_json(m.created_at) #>> '{}', to_json(m.updated_at) #>> '{}'
              from catalog_models m
             where ?::uuid is null or m.id = ?::uuid
             order by m.value
            """;

    private final JdbcClient cursor;

    ExportStore(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a cursor only inside a transaction and with a fetch size
        template.setFetchSize(500);
        this.cursor = JdbcClient.create(template);
    }

    /**
     * Every model (or only {@code modelId}), by value, as the fields of {@link ModelExport#HEADER} in its
     * order. Call it in a transaction, or the driver reads every row before the first is handed on.
     */
    void eachRow(UUID modelId, Consumer<List<String>> row) {
        cursor.sql(ROWS.formatted(sectionColumns())).params(modelId, modelId).query(rs -> {
            List<String> fields = new ArrayList<>(ModelExport.HEADER.size());
            for (int i = 1; i <= ModelExport.HEADER.size(); i++) {
                fields.add(rs.getString(i));
            }
            row.accept(fields);
        });
    }

    /** One column per taxonomy kind: the names of the selected entries; prices written out for pricing. */
    private static String sectionColumns() {
        List<String> columns = new ArrayList<>();
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            columns.add("""
                    (select string_agg(case when x.kind = 'pricing' then x.name || ' (' || x.input_price_per_million
                                                || ' in / ' || x.output_price_per_million || ' out ' || x.currency
                                                || ' per 1M tokens)' else x.name end, '; ' order by lower(x.name))
                       from catalog_model_taxonomy t join catalog_taxonomy x on x.id = t.entry_id
                      where t.model_id = m.id and x.kind = '%s') as "%s\"""".formatted(kind.stored(), kind.section()));
        }
        return String.join(",\n", columns);
    }
}
