package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.gateway.openai.OpenAiUpstream;
import dev.quartermaster.gateway.wire.Upstream;
import dev.quartermaster.providers.ProviderType;
import java.util.Optional;

/** The protocol each provider type speaks. */
final class Upstreams {

    private Upstreams() {
    }

    static Optional<Upstream> of(ProviderType type) {
        return switch (type) {
            case OPENAI, OPENAI_LIKE -> Optional.of(OpenAiUpstream.openAi());
            case MISTRAL -> Optional.of(OpenAiUpstream.mistral());
            case OLLAMA -> Optional.of(OpenAiUpstream.ollama());
            case ANTHROPIC, GEMINI -> Optional.empty();
        };
    }
}
