package dev.quartermaster.gateway.anthropic;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One content block of an Anthropic stream being decoded. A fragment ending in the first half of a
 * surrogate pair is held back until the next one, so no chunk carries half a character (which would
 * not survive the UTF-8 encoding on the way to the client).
 */
final class Block {

    /** What the block becomes in chat chunks. */
    enum Kind {
        TEXT, THINKING, TOOL, JSON_ANSWER, IGNORED
    }

    static final Block UNKNOWN = new Block(Kind.IGNORED, -1);

    final Kind kind;
    final int toolIndex;
    private String pending = "";
    private boolean fragments;

    Block(Kind kind, int toolIndex) {
        this.kind = kind;
        this.toolIndex = toolIndex;
    }

    List<ObjectNode> fragment(String text, ChunkWriter chunks) {
        String whole = pending + text;
        pending = "";
        if (!whole.isEmpty() && Character.isHighSurrogate(whole.charAt(whole.length() - 1))) {
            pending = whole.substring(whole.length() - 1);
            whole = whole.substring(0, whole.length() - 1);
        }
        if (whole.isEmpty() || kind == Kind.IGNORED) {
            return List.of();
        }
        fragments = true;
        return List.of(switch (kind) {
            case TOOL -> chunks.arguments(toolIndex, whole);
            case THINKING -> chunks.reasoning(whole);
            default -> chunks.content(whole);
        });
    }

    /**
     * What the block still owes at its end: {@code {}} for input in no fragment, or the replacement
     * character for half a character the upstream never completed.
     */
    List<ObjectNode> close(ChunkWriter chunks) {
        if (!pending.isEmpty()) {
            pending = "";
            return fragment("\uFFFD", chunks);
        }
        boolean input = kind == Kind.TOOL || kind == Kind.JSON_ANSWER;
        return input && !fragments ? fragment("{}", chunks) : List.of();
    }
}
