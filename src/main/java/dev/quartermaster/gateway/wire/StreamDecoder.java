package dev.quartermaster.gateway.wire;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one upstream stream, event by event, into chat completion chunks
 * ({@code object: chat.completion.chunk}). One instance per stream; not thread-safe.
 * A chunk carrying usage has {@code choices: []} and a {@code usage} object, as OpenAI sends it.
 */
public interface StreamDecoder {

    /**
     * One upstream event as it arrived; zero or more chunks for the client.
     *
     * @throws StreamError when the event is the upstream's error event (an error after the 200)
     */
    List<ObjectNode> onEvent(SseEvent event);

    /** The upstream ended the stream; any chunks still owed (say, a final usage chunk). */
    List<ObjectNode> onEnd();

    /** Whether the upstream said the answer is complete (a finish reason, {@code message_stop}, {@code [DONE]}). */
    boolean finished();

    /** The usage seen so far, normalised; {@link Usage#NONE} if none. */
    Usage usage();
}
