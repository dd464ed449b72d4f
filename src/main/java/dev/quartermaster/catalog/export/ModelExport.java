package dev.quartermaster.catalog.export;

import dev.quartermaster.catalog.ArtifactResponses;
import dev.quartermaster.catalog.model.ModelStore;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code export}: one denormalized CSV row per model, streamed from a database cursor into the
 * upload's chunks in the database (see {@link UploadChunks}), so memory stays bounded whatever the
 * catalog's size and any server process can serve the download. Only catalog columns and the names
 * of linked records are selected: nothing that could hold a secret.
 */
@Service
public class ModelExport {

    static final List<String> HEADER = List.of("model_id", "value", "name", "description", "provider", "tier",
            "capabilities", "context_window", "active", "sample", "provider_profiles", "flags", "departments",
            "modalities", "pricing", "qualities", "reasoning_levels", "temperature_levels", "voices", "values",
            "agents", "version", "created_at", "updated_at");
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
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JdbcTemplate cursor;
    private final TransactionTemplate transaction;
    private final UploadStore uploads;
    private final ModelStore models;

    ModelExport(DataSource dataSource, PlatformTransactionManager manager, UploadStore uploads, ModelStore models) {
        this.cursor = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a cursor only inside a transaction and with a fetch size
        this.cursor.setFetchSize(500);
        this.transaction = new TransactionTemplate(manager);
        this.uploads = uploads;
        this.models = models;
    }

    public ArtifactResponses.Exported export(Caller caller, UUID modelId) {
        if (modelId != null && models.find(modelId).isEmpty()) {
            throw ApiException.notFound("no model " + modelId);
        }
        UUID id = UUID.randomUUID();
        String name = "models-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + id.toString().substring(0, 8)
                + ".csv";
        // one transaction: the upload row and its chunks appear together, once complete, or not at all
        int rows = transaction.execute(status -> {
            UploadChunks file = uploads.create(id, caller.userId(), name);
            int written = write(file, modelId);
            uploads.complete(id, written, file.size());
            return written;
        });
        return new ArtifactResponses.Exported(id, name, rows);
    }

    private int write(UploadChunks file, UUID modelId) {
        AtomicInteger rows = new AtomicInteger();
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8))) {
            CsvWriter csv = new CsvWriter(out);
            csv.row(HEADER);
            cursor.query(ROWS.formatted(sectionColumns()), rs -> {
                List<String> fields = new ArrayList<>(HEADER.size());
                for (int i = 1; i <= HEADER.size(); i++) {
                    fields.add(rs.getString(i));
                }
                try {
                    csv.row(fields);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows.incrementAndGet();
            }, modelId, modelId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.get();
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
