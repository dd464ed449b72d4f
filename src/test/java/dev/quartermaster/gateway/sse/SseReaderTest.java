package dev.quartermaster.gateway.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.gateway.wire.SseEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    @Test
    void aCharacterSplitAcrossReadsArrivesWhole() throws IOException {
        byte[] bytes = "event: content_block_delta\ndata: {\"text\": \"h\u00e9llo \uD83D\uDE00\"}\n\n".getBytes(StandardCharsets.UTF_8);

        List<SseEvent> events = readAll(new OneByteAtATime(bytes));

        assertThat(events).containsExactly(new SseEvent("content_block_delta", "{\"text\": \"h\u00e9llo \uD83D\uDE00\"}"));
    }

    @Test
    void commentsAreSkippedMultiLineDataJoinedAndEveryLineEndUnderstood() throws IOException {
        String stream = ": ping\r\n\r\ndata: one\r\ndata: two\r\n\r\nevent: e\rdata:three\r\rdata: [DONE]\n\ndata: partial";

        List<SseEvent> events = readAll(new java.io.ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));

        assertThat(events).containsExactly(new SseEvent(null, "one\ntwo"), new SseEvent("e", "three"),
                new SseEvent(null, "[DONE]"));
    }

    @Test
    void anEventLargerThanTheBoundIsAnErrorNotAGrowingBuffer() {
        String huge = "data: " + "x".repeat(5000) + "\n\n";

        assertThatThrownBy(() -> readAll(new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)), 1024))
                .isInstanceOf(IOException.class).hasMessageContaining("1024");
    }

    @Test
    void theWriterFramesEveryLineOfData() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new SseWriter(out).send(List.of(new SseEvent("message_stop", "{\"type\":\"message_stop\"}"), SseEvent.data("a\nb")));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\ndata: a\ndata: b\n\n");
    }

    private static List<SseEvent> readAll(InputStream in) throws IOException {
        return readAll(in, 1 << 20);
    }

    private static List<SseEvent> readAll(InputStream in, int max) throws IOException {
        SseReader reader = new SseReader(in, max);
        List<SseEvent> events = new ArrayList<>();
        for (SseEvent e = reader.next(); e != null; e = reader.next()) {
            events.add(e);
        }
        return events;
    }

    /** A network that hands over one byte per read, so every multi-byte character is split. */
    private static final class OneByteAtATime extends InputStream {

        private final byte[] bytes;
        private int next;

        OneByteAtATime(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (next >= bytes.length) {
                return -1;
            }
            buffer[offset] = bytes[next++];
            return 1;
        }
    }
}
