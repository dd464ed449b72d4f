package dev.quartermaster.gateway.wire;

/** Where one upstream call goes and what pays for it. {@code apiKey} is clear text: never log it, never put it in a URL. */
public record Endpoint(String baseUrl, String apiKey, String model) {

    @Override
    public String toString() {
        return baseUrl + " (" + model + ")";
    }
}
