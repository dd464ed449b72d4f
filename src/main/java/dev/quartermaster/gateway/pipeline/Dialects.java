package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.gateway.anthropic.MessagesDialect;
import dev.quartermaster.gateway.openai.ChatDialect;
import dev.quartermaster.gateway.responses.ResponsesDialect;
import dev.quartermaster.gateway.wire.Dialect;
import org.springframework.stereotype.Component;

/** The dialect each route speaks; stateless, shared by every call. */
@Component
class Dialects {

    private final Dialect chat = new ChatDialect();
    private final Dialect responses = new ResponsesDialect();
    private final Dialect messages = new MessagesDialect();

    Dialect of(Inbound inbound) {
        return switch (inbound) {
            case CHAT, EMBEDDINGS -> chat;
            case RESPONSES -> responses;
            case MESSAGES -> messages;
        };
    }
}
