package dev.quartermaster.catalog.export;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.UUID;

/**
 * The bytes of an upload as they are written: each time {@link #CHUNK_BYTES} have filled up they are
 * stored as the upload's next chunk, and {@link #close} stores the rest. Memory stays at one chunk
 * whatever the file's size.
 */
final class UploadChunks extends OutputStream {

    static final int CHUNK_BYTES = 1 << 20;

    private final UploadStore store;
    private final UUID uploadId;
    private final byte[] buffer;
    private int filled;
    private int seq;
    private long size;
    private boolean closed;

    UploadChunks(UploadStore store, UUID uploadId) {
        this.store = store;
        this.uploadId = uploadId;
        this.buffer = new byte[CHUNK_BYTES];
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (closed) {
            throw new IllegalStateException("upload " + uploadId + " is closed");
        }
        while (length > 0) {
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == buffer.length) {
                storeChunk();
            }
        }
    }

    @Override
    public void close() {
        if (!closed && filled > 0) {
            storeChunk();
        }
        closed = true;
    }

    /** Bytes written so far. */
    long size() {
        return size + filled;
    }

    private void storeChunk() {
        store.appendChunk(uploadId, seq++, Arrays.copyOf(buffer, filled));
        size += filled;
        filled = 0;
    }
}
