package dev.quartermaster.gateway.sse;

import dev.quartermaster.gateway.wire.SseEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes events to a client and flushes after each batch, so every event leaves as soon as it exists. */
public final class SseWriter {

    private final OutputStream out;

    public SseWriter(OutputStream out) {
        this.out = out;
    }

    public void send(List<SseEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (SseEvent event : events) {
            if (event.event() != null) {
                text.append("event: ").append(event.event()).append('\n');
            }
            for (String part : event.data().split("\n", -1)) {
                text.append("data: ").append(part).append('\n');
            }
            text.append('\n');
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
