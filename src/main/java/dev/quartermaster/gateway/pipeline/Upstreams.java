package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.gateway.gemini.GeminiUpstream;
import dev.quartermaster.gateway.openai.OpenAiUpstream;
import dev.quartermaster.gateway.wire.Upstream;
import dev.quartermaster.providers.ProviderType;
import java.util.Optional;

/** The protocol each provider type speaks. */
final class Upstreams {

    private static final Upstream GEMINI = new GeminiUpstream();

    private Upstreams() {
    }

    static Optional<Upstream> of(ProviderType type) {
        return switch (type) {
            case OPENAI, OPENAI_LIKE -> Optional.of(OpenAiUpstream.openAi());
            case MISTRAL -> Optional.of(OpenAiUpstream.mistral());
            case OLLAMA -> Optional.of(OpenAiUpstream.ollama());
            case GEMINI -> Optional.of(GEMINI);
            case ANTHROPIC -> Optional.empty();
        };
    }
}
