package dev.quartermaster.providers;

/**
 * What a probe found. {@code caption} is the model's reply; {@code errorMessage} says what went
 * wrong in a line (the provider's status and message, never the key); {@code providerStatus} is the
 * HTTP status the provider answered with, null when it did not answer.
 */
public record ProbeResult(boolean succeeded, String caption, String resolvedModelName, String resolvedApiBaseUrl,
                          String errorMessage, Integer providerStatus) {

    static ProbeResult failed(String model, String baseUrl, String message, Integer status) {
        return new ProbeResult(false, null, model, baseUrl, message, status);
    }
}
