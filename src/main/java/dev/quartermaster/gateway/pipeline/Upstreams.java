package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.gateway.anthropic.AnthropicUpstream;
import dev.quartermaster.gateway.gemini.GeminiUpstream;
import dev.quartermaster.gateway.openai.OpenAiUpstream;
import dev.quartermaster.gateway.wire.Upstream;
import dev.quartermaster.providers.ProviderType;

/** The protocol each provider type speaks. */
final class Upstreams {

    private static final Upstream GEMINI = new GeminiUpstream();
    private static final Upstream ANTHROPIC = new AnthropicUpstream();

    private Upstreams() {
    }

    static Upstream of(ProviderType type) {
        return switch (type) {
            case OPENAI, OPENAI_LIKE -> OpenAiUpstream.openAi();
            case MISTRAL -> OpenAiUpstream.mistral();
            case OLLAMA -> OpenAiUpstream.ollama();
            case GEMINI -> GEMINI;
            case ANTHROPIC -> ANTHROPIC;
        };
    }
}
