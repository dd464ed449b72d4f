package dev.quartermaster.catalog.export;

import dev.quartermaster.catalog.ArtifactResponses;
import dev.quartermaster.catalog.model.ModelStore;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.CsvWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code export}: one denormalized CSV row per model ({@link ExportStore}), streamed from a database
 * cursor into the upload's chunks in the database (see {@link UploadChunks}), so memory stays bounded
 * whatever the catalog's size and any server process can serve the download.
 */
@Service
@EnableConfigurationProperties(ExportProperties.class)
public class ModelExport {

    static final List<String> HEADER = List.of("model_id", "value", "name", "description", "provider", "tier",
            "capabilities", "context_window", "active", "sample", "provider_profiles", "flags", "departments",
            "modalities", "pricing", "qualities", "reasoning_levels", "temperature_levels", "voices", "values",
            "agents", "version", "created_at", "updated_at");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ExportStore exportRows;
    private final TransactionTemplate transaction;
    private final UploadStore uploads;
    private final ModelStore models;
    private final ExportLimits limits;

    ModelExport(ExportStore rows, PlatformTransactionManager manager, UploadStore uploads, ModelStore models,
                ExportLimits limits) {
        this.exportRows = rows;
        this.transaction = new TransactionTemplate(manager);
        this.uploads = uploads;
        this.models = models;
        this.limits = limits;
    }

    public ArtifactResponses.Exported export(Caller caller, UUID modelId) {
        if (modelId != null && models.find(modelId).isEmpty()) {
            throw ApiException.notFound("no model " + modelId);
        }
        UUID id = UUID.randomUUID();
        String name = "models-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + id.toString().substring(0, 8)
                + ".csv";
        // one transaction: the upload row and its chunks appear together, once complete, or not at all
        int rows = limits.onThisServer(() -> transaction.execute(status -> {
            limits.admit(caller.userId());
            UploadChunks file = uploads.create(id, caller.userId(), name);
            int written = write(file, modelId);
            uploads.complete(id, written, file.size());
            return written;
        }));
        return new ArtifactResponses.Exported(id, name, rows);
    }

    private int write(UploadChunks file, UUID modelId) {
        AtomicInteger rows = new AtomicInteger();
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8))) {
            CsvWriter csv = new CsvWriter(out);
            csv.row(HEADER);
            exportRows.eachRow(modelId, fields -> {
                try {
                    csv.row(fields);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows.incrementAndGet();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.get();
    }
}
