package dev.quartermaster.platform;

/**
 * How OpenAI's error dialect classifies a problem, for the clients that branch on it (an SDK maps
 * {@code code: model_not_found} to its own exception, say). A null component takes the default that
 * {@link OpenAiErrors} derives from the problem.
 */
public record OpenAiError(String type, String param, String code) {
}
