package dev.quartermaster.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a model can do: the closed set the catalog's rules check, its editor offers and its API
 * description lists. Models store the wire names.
 */
public enum Capability {
    CHAT, COMPLETION, VISION, CODE, EMBEDDINGS, AUDIO, SPEECH, TRANSCRIPTION, IMAGE, TOOLS, REASONING, JSON, STREAMING,
    RERANK, MODERATION;

    public static final List<String> WIRE_NAMES = Arrays.stream(values()).map(Capability::wireName).toList();

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
