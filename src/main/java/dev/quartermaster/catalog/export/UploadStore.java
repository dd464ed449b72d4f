package dev.quartermaster.catalog.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Exported files, in PostgreSQL: a row saying whose each one is, and its bytes in chunks of
 * {@link UploadChunks#CHUNK_BYTES} (see {@code V21__catalog_upload_chunks.sql}), so that every server
 * process can serve every download.
 */
@Repository
public class UploadStore {

    public record Upload(UUID id, UUID ownerId, String fileName, int rowCount, long sizeBytes, OffsetDateTime createdAt) {
    }

    private record Chunk(int seq, byte[] data) {
    }

    private final JdbcClient jdbc;

    UploadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new, empty upload and the stream that fills it. Write, close, then {@link #complete}, all in
     * one transaction, so that no one sees an upload before it is whole.
     */
    UploadChunks create(UUID id, UUID owner, String fileName) {
        jdbc.sql("insert into catalog_uploads (id, owner_id, file_name, row_count, size_bytes) values (?, ?, ?, 0, 0)")
                .params(id, owner, fileName)
                .update();
        return new UploadChunks(this, id);
    }

    void complete(UUID id, int rowCount, long sizeBytes) {
        jdbc.sql("update catalog_uploads set row_count = ?, size_bytes = ? where id = ?")
                .params(rowCount, sizeBytes, id)
                .update();
    }

    void appendChunk(UUID id, int seq, byte[] data) {
        jdbc.sql("insert into catalog_upload_chunks (upload_id, seq, data) values (?, ?, ?)")
                .params(id, seq, data)
                .update();
    }

    public Optional<Upload> find(UUID owner, UUID id) {
        return jdbc.sql("""
                select id, owner_id, file_name, row_count, size_bytes, created_at from catalog_uploads
                 where owner_id = ? and id = ? and deleted_at is null
                """).params(owner, id).query(Upload.class).optional();
    }

    /**
     * Deletes the owner's upload's bytes, in one statement. The row stays, marked deleted, until the
     * retention sweep, so that deleting exports does not make room under the hourly limit.
     */
    public boolean delete(UUID owner, UUID id) {
        return jdbc.sql("""
                with gone as (update catalog_uploads set deleted_at = now()
                               where owner_id = ? and id = ? and deleted_at is null returning id),
                     bytes as (delete from catalog_upload_chunks where upload_id in (select id from gone))
                select count(*) from gone
                """).params(owner, id).query(Long.class).single() > 0;
    }

    /**
     * Writes the upload's bytes to {@code out}, reading one chunk per query (by primary key), so that
     * only one chunk is in memory and no connection is held while a slow client reads.
     */
    public void copy(UUID id, OutputStream out) throws IOException {
        int seq = -1;
        Optional<Chunk> chunk;
        while ((chunk = chunkAfter(id, seq)).isPresent()) {
            out.write(chunk.get().data());
            seq = chunk.get().seq();
        }
    }

    private Optional<Chunk> chunkAfter(UUID id, int seq) {
        return jdbc.sql("""
                select seq, data from catalog_upload_chunks where upload_id = ? and seq > ? order by seq limit 1
                """).params(id, seq).query(Chunk.class).optional();
    }
}
