package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.gateway.openai.ChatDialect;
import dev.quartermaster.gateway.wire.Dialect;
import org.springframework.stereotype.Component;

/** The dialect each route speaks; stateless, shared by every call. */
@Component
class Dialects {

    private final Dialect chat = new ChatDialect();

    Dialect of(Inbound inbound) {
        return switch (inbound) {
            case CHAT, EMBEDDINGS -> chat;
            case RESPONSES, MESSAGES -> throw GatewayErrors.notSupported(null, inbound.path() + " is not served yet");
        };
    }
}
