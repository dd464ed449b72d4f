package dev.quartermaster.gateway.anthropic;

/** Anthropic's {@code stop_reason} and the hub's {@code finish_reason}, both ways. */
final class StopReasons {

    private StopReasons() {
    }

    /** The finish reason for a stop reason; null stays null (a stream that has not said yet). */
    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            // end_turn, stop_sequence, and pause_turn (a server tool paused a turn the client may resume)
            default -> "stop";
        };
    }

    /** The stop reason for a finish reason; an answer that gave none ended its turn. */
    static String stopReason(String finishReason) {
        if (finishReason == null) {
            return "end_turn";
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }
}
