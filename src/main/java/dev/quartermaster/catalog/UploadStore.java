package dev.quartermaster.catalog;

import dev.quartermaster.platform.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exported files: under {@code QM_DATA_DIR/uploads/<id>.csv}, with a row saying whose they are. */
@Repository
class UploadStore {

    record Upload(UUID id, UUID ownerId, String fileName, int rowCount, long sizeBytes, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final Path directory;

    UploadStore(JdbcClient jdbc, Storage storage) {
        this.jdbc = jdbc;
        this.directory = storage.dataDir().resolve("uploads");
    }

    /** A fresh file in the uploads directory, to be moved into place by {@link #save}. */
    Path temporaryFile() {
        try {
            Files.createDirectories(directory);
            return Files.createTempFile(directory, "export-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void save(Upload upload, Path written) {
        try {
            Files.move(written, path(upload.id()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("insert into catalog_uploads (id, owner_id, file_name, row_count, size_bytes) values (?, ?, ?, ?, ?)")
                .params(upload.id(), upload.ownerId(), upload.fileName(), upload.rowCount(), upload.sizeBytes())
                .update();
    }

    Optional<Upload> find(UUID owner, UUID id) {
        return jdbc.sql("""
                select id, owner_id, file_name, row_count, size_bytes, created_at from catalog_uploads
                 where owner_id = ? and id = ?
                """).params(owner, id).query(Upload.class).optional()
                .filter(u -> Files.isRegularFile(path(u.id())));
    }

    Path path(UUID id) {
        return directory.resolve(id + ".csv");
    }
}
