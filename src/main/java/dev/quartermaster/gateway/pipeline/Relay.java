package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.StreamEncoder;
import dev.quartermaster.gateway.wire.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One stream from upstream events to client events. Translated: the upstream's decoder into hub
 * chunks, the dialect's encoder out of them. Native (the client speaks the upstream's own
 * protocol): each event goes as it came, the decoder only watching it for usage, finish and errors.
 */
interface Relay {

    List<SseEvent> onEvent(SseEvent event);

    List<SseEvent> onEnd();

    List<SseEvent> onError(String type, String message);

    boolean finished();

    Usage usage();

    /** UTF-8 bytes of answer text and tool arguments seen so far: an upper bound of the output tokens. */
    long outputBytes();

    static Relay translated(StreamDecoder decoder, StreamEncoder encoder) {
        return new Watching(decoder, encoder) {
            @Override
            public List<SseEvent> onEvent(SseEvent event) {
                return encode(count(decoder.onEvent(event)));
            }

            @Override
            public List<SseEvent> onEnd() {
                List<SseEvent> events = new ArrayList<>(encode(count(decoder.onEnd())));
                events.addAll(encoder.onEnd());
                return events;
            }

            private List<SseEvent> encode(List<ObjectNode> chunks) {
                if (chunks.size() == 1) {
                    return encoder.onChunk(chunks.getFirst());
                }
                List<SseEvent> events = new ArrayList<>();
                chunks.forEach(chunk -> events.addAll(encoder.onChunk(chunk)));
                return events;
            }
        };
    }

    /** {@code errors}: the client's dialect, which only ever writes the error event of a relayed stream. */
    static Relay nativeTo(StreamDecoder decoder, StreamEncoder errors) {
        return new Watching(decoder, errors) {
            @Override
            public List<SseEvent> onEvent(SseEvent event) {
                count(decoder.onEvent(event));
                return List.of(event);
            }

            @Override
            public List<SseEvent> onEnd() {
                return List.of();
            }
        };
    }

    /** What both relays share: the decoder says how the stream went, the encoder writes its error event. */
    abstract class Watching implements Relay {

        final StreamDecoder decoder;
        final StreamEncoder encoder;
        private long outputBytes;

        Watching(StreamDecoder decoder, StreamEncoder encoder) {
            this.decoder = decoder;
            this.encoder = encoder;
        }

        @Override
        public List<SseEvent> onError(String type, String message) {
            return encoder.onError(type, message);
        }

        @Override
        public boolean finished() {
            return decoder.finished();
        }

        @Override
        public Usage usage() {
            return decoder.usage();
        }

        @Override
        public long outputBytes() {
            return outputBytes;
        }

        List<ObjectNode> count(List<ObjectNode> chunks) {
            for (ObjectNode chunk : chunks) {
                for (JsonNode choice : chunk.path("choices")) {
                    JsonNode delta = choice.path("delta");
                    outputBytes += utf8(delta.path("content")) + utf8(delta.path("reasoning_content"));
                    for (JsonNode call : delta.path("tool_calls")) {
                        outputBytes += utf8(call.path("function").path("arguments"));
                    }
                }
            }
            return chunks;
        }

        private static long utf8(JsonNode text) {
            return text.isString() ? text.stringValue().getBytes(StandardCharsets.UTF_8).length : 0;
        }
    }
}
