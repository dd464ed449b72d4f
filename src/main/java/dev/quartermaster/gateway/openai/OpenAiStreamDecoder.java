package dev.quartermaster.gateway.openai;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.StreamError;
import dev.quartermaster.gateway.wire.Usage;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An OpenAI-compatible stream: already chat chunks; this notes usage, the finish and in-stream errors. */
final class OpenAiStreamDecoder implements StreamDecoder {

    private Usage usage = Usage.NONE;
    private boolean finished;

    @Override
    public List<ObjectNode> onEvent(SseEvent event) {
        String data = event.data().strip();
        if (data.equals("[DONE]")) {
            finished = true;
            return List.of();
        }
        if (data.isEmpty()) {
            return List.of();
        }
        JsonNode chunk = Json.parse(data, "upstream");
        if (chunk.has("error")) {
            JsonNode error = chunk.get("error");
            throw new StreamError(error.path("type").asString(null), error.path("message").asString("the upstream failed"));
        }
        if (!chunk.isObject()) {
            return List.of();
        }
        if (chunk.hasNonNull("usage")) {
            usage = usage.merge(OpenAiUpstream.usageOf(chunk.get("usage")));
        }
        for (JsonNode choice : chunk.path("choices")) {
            if (choice.hasNonNull("finish_reason")) {
                finished = true;
            }
        }
        return List.of((ObjectNode) chunk);
    }

    @Override
    public List<ObjectNode> onEnd() {
        return List.of();
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public Usage usage() {
        return usage;
    }
}
