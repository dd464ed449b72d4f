package dev.quartermaster.gateway.wire;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One inbound API as clients speak it, read into the hub and written back from it. Implementations:
 * OpenAI Chat Completions (identity), Anthropic Messages, OpenAI Responses.
 */
public interface Dialect {

    /**
     * The chat request for a client's request. {@code model} is kept as the client wrote it;
     * {@code stream} is true or absent.
     *
     * @throws WireException when the request is malformed or asks for what cannot be translated
     */
    ObjectNode toChat(JsonNode request);

    /** The client's answer for a whole {@code chat.completion}. */
    JsonNode fromChat(ObjectNode completion);

    /** An encoder for one stream to the client. {@code includeUsage}: whether the client asked for usage. */
    StreamEncoder encoder(boolean includeUsage);
}
