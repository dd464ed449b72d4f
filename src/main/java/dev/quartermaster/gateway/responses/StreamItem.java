package dev.quartermaster.gateway.responses;

import tools.jackson.databind.node.ObjectNode;

/** One output item as it streams: the message (no call id) or one function call, and what has arrived of it. */
final class StreamItem {

    final int outputIndex;
    final String id;
    final String callId;
    final String name;
    final StringBuilder content = new StringBuilder();

    StreamItem(int outputIndex, String id, String callId, String name) {
        this.outputIndex = outputIndex;
        this.id = id;
        this.callId = callId;
        this.name = name;
    }

    boolean isText() {
        return callId == null;
    }

    /** The item as a response's output holds it, with {@code status}. */
    ObjectNode whole(String baseId, String status) {
        if (!isText()) {
            return ResponseObjects.functionCall(callId, name, content.toString(), status);
        }
        // a message opens empty, as OpenAI's does; its text part is announced by content_part.added
        return ResponseObjects.message(baseId, status.equals("in_progress") ? null : content.toString(), null, status);
    }
}
