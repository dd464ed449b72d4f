package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Dialect;
import dev.quartermaster.gateway.wire.StreamEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API as clients speak it ({@code POST /v1/messages}), read into the hub and
 * written back. Stateless: one instance serves every request.
 *
 * <p>Choices where the hub and Anthropic differ:
 * <ul>
 * <li>Errors name fields in Anthropic's dotted form ({@code messages.1.content.0.type}).</li>
 * <li>{@code max_tokens} is required, as Anthropic requires it.</li>
 * <li>{@code top_k}, {@code thinking}, {@code cache_control}, a tool result's {@code is_error} and
 *     thinking blocks in assistant turns are dropped; server tools and content blocks other than text,
 *     image, tool_use and tool_result are refused.</li>
 * <li>A chat {@code reasoning_content} is not written back (a thinking block needs a signature).</li>
 * <li>Usage: {@code input_tokens} is the prompt minus cached tokens, {@code cache_read_input_tokens}
 *     the cached; a stream always carries usage, whatever {@code includeUsage} says, as Anthropic's do.</li>
 * </ul>
 */
public final class MessagesDialect implements Dialect {

    public MessagesDialect() {
    }

    @Override
    public ObjectNode toChat(JsonNode request) {
        return MessagesToChat.chat(request);
    }

    @Override
    public JsonNode fromChat(ObjectNode completion) {
        return ChatToMessage.message(completion);
    }

    @Override
    public StreamEncoder encoder(boolean includeUsage) {
        return new MessagesStreamEncoder();
    }
}
