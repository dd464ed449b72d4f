package dev.quartermaster.gateway.wire;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes chat completion chunks as the events of an inbound dialect's stream. One instance per
 * stream; not thread-safe.
 */
public interface StreamEncoder {

    /** One chunk from the decoder; the events to send the client now (possibly none). */
    List<SseEvent> onChunk(ObjectNode chunk);

    /** The upstream finished; the closing events ({@code [DONE]}, {@code message_stop}, {@code response.completed}). */
    List<SseEvent> onEnd();

    /** The stream broke after it began (upstream error event, truncation, timeout): the dialect's error event. */
    List<SseEvent> onError(String type, String message);
}
