package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.SseEvent;
import java.util.ArrayList;
import java.util.List;

/** Server-sent events read from a fixture's text, and written back to text, as they go over the wire. */
final class SseFixtures {

    private SseFixtures() {
    }

    static List<SseEvent> parse(String text) {
        List<SseEvent> events = new ArrayList<>();
        for (String block : text.strip().split("\n\n+")) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
            events.add(new SseEvent(event, data.toString()));
        }
        return events;
    }

    static String write(List<SseEvent> events) {
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append(e.event() == null ? "" : "event: " + e.event() + "\n")
                .append("data: ").append(e.data()).append("\n\n"));
        return text.toString();
    }
}
