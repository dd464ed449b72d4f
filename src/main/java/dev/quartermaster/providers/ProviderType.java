package dev.quartermaster.providers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The provider protocols Quartermaster speaks, by their wire names. */
public enum ProviderType {
    OPENAI, GEMINI, MISTRAL, OLLAMA, ANTHROPIC, OPENAI_LIKE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ProviderType fromWire(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown provider " + name));
    }

    public static Optional<ProviderType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }

    /** Whether calls need an API key; only a local Ollama does without. */
    public boolean needsKey() {
        return this != OLLAMA;
    }

    @Override
    public String toString() {
        return wireName();
    }
}
