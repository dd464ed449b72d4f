package dev.quartermaster.providers;

/**
 * One minimal call to check a configuration: which protocol, where (null: the provider's default
 * endpoint), with which key and model, and the system prompt to include.
 */
public record ProbeRequest(ProviderType provider, String baseUrl, String apiKey, String model, String systemPrompt) {

    @Override
    public String toString() {
        return "ProbeRequest[" + provider + ", " + baseUrl + ", " + model + "]";
    }
}
