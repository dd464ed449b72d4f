package dev.quartermaster.catalog.model;

import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.Changes;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A starter catalog of well-known models, loaded on start when {@code QM_CATALOG_SAMPLE_DATA=true}.
 * Marked {@code sample} (and "[sample]" in the description); a model whose value exists is left
 * alone, so it can run on every start.
 */
@Component
@ConditionalOnProperty(name = "qm.catalog.sample-data", havingValue = "true")
public class SampleCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleCatalog.class);

    record Sample(String value, String name, String provider, int rank, int contextWindow, List<String> capabilities,
                  String description) {
    }

    public static final List<Sample> MODELS = List.of(
            new Sample("gpt-4o", "GPT-4o", "openai", 1, 128_000, List.of("chat", "vision", "tools", "json", "streaming"), "OpenAI's multimodal flagship."),
            new Sample("gpt-4o-mini", "GPT-4o mini", "openai", 0, 128_000, List.of("chat", "vision", "tools", "json", "streaming"), "Small, fast and cheap GPT-4o."),
            new Sample("o3-mini", "o3-mini", "openai", 1, 200_000, List.of("chat", "reasoning", "tools", "code"), "OpenAI reasoning model."),
            new Sample("text-embedding-3-small", "Text Embedding 3 Small", "openai", 0, 8_191, List.of("embeddings"), "OpenAI embeddings."),
            new Sample("claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", "anthropic", 1, 200_000, List.of("chat", "vision", "tools", "code", "reasoning"), "Anthropic's balanced model."),
            new Sample("claude-opus-4-1-20250805", "Claude Opus 4.1", "anthropic", 2, 200_000, List.of("chat", "vision", "tools", "code", "reasoning"), "Anthropic's most capable model."),
            new Sample("claude-3-5-haiku-20241022", "Claude Haiku 3.5", "anthropic", 0, 200_000, List.of("chat", "tools", "code"), "Anthropic's fast model."),
            new Sample("gemini-2.5-pro", "Gemini 2.5 Pro", "gemini", 1, 1_048_576, List.of("chat", "vision", "audio", "tools", "reasoning", "code"), "Google's most capable Gemini."),
            new Sample("gemini-2.5-flash", "Gemini 2.5 Flash", "gemini", 0, 1_048_576, List.of("chat", "vision", "audio", "tools"), "Google's fast Gemini."),
            new Sample("mistral-large-latest", "Mistral Large", "mistral", 1, 128_000, List.of("chat", "tools", "code", "json"), "Mistral's flagship."),
            new Sample("mistral-small-latest", "Mistral Small", "mistral", 0, 32_000, List.of("chat", "tools", "json"), "Mistral's small model."),
            new Sample("codestral-latest", "Codestral", "mistral", 1, 256_000, List.of("code", "completion"), "Mistral's code model."),
            new Sample("llama3.1", "Llama 3.1 8B", "ollama", 0, 128_000, List.of("chat", "tools"), "Meta's Llama 3.1, run locally by Ollama."),
            new Sample("qwen2.5-coder", "Qwen 2.5 Coder", "ollama", 0, 32_768, List.of("code", "chat"), "Alibaba's code model, run locally by Ollama."),
            new Sample("nomic-embed-text", "Nomic Embed Text", "ollama", 0, 8_192, List.of("embeddings"), "Local embeddings by Ollama."));

    private final ModelStore store;
    private final Tiers tiers;
    private final Changes changes;

    public SampleCatalog(ModelStore store, Tiers tiers, Changes changes) {
        this.store = store;
        this.tiers = tiers;
        this.changes = changes;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = 0;
        for (Sample s : MODELS) {
            added += store.insertIfAbsent(fields(s), true) ? 1 : 0;
        }
        changes.publish(Catalog.TOPIC);
        log.info("sample catalog: {} of {} models added (the others exist already)", added, MODELS.size());
    }

    private ModelFields fields(Sample s) {
        return new ModelFields(s.name(), "[sample] " + s.description(), s.value(), s.provider(), tierOfRank(s.rank()),
                s.capabilities(), s.contextWindow(), true, List.of(), Map.of());
    }

    /** 0: the lowest tier, 1: the next, 2: the highest, whatever the tiers are called. */
    private String tierOfRank(int rank) {
        var all = tiers.all();
        return all.get(Math.min(rank, all.size() - 1)).name();
    }
}
