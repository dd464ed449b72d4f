package dev.quartermaster.gateway.pipeline;

/** The four routes, each with its dialect's error shape. */
public enum Inbound {
    CHAT("/v1/chat/completions"), RESPONSES("/v1/responses"), EMBEDDINGS("/v1/embeddings"), MESSAGES("/v1/messages");

    private final String path;

    Inbound(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public boolean anthropic() {
        return this == MESSAGES;
    }
}
