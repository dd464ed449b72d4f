package dev.quartermaster.gateway.gemini;

import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.gateway.wire.Endpoint;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.Upstream;
import dev.quartermaster.gateway.wire.Usage;
import dev.quartermaster.gateway.wire.WireException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's Gemini API ({@code generativelanguage.googleapis.com}) as an upstream of the hub. The
 * base URL is the host ({@code https://generativelanguage.googleapis.com}) or the host with its
 * version ({@code .../v1beta}, {@code .../v1}), used as given. Stateless and thread-safe: one
 * instance serves every request.
 *
 * <p>Gemini names neither its function calls nor, always, its model: tool-call ids are made here
 * (see {@link ToolCallIds}), and a completion or chunk without {@code modelVersion} has no
 * {@code model} rather than a made-up one. Gemini reports no usage for embeddings, so an embeddings
 * answer has no {@code usage}.
 */
public class GeminiUpstream implements Upstream {

    private static final Pattern MODEL = Pattern.compile("(tunedModels/)?[A-Za-z0-9][A-Za-z0-9._-]*");

    @Override
    public OutboundRequest chat(ObjectNode chat, Endpoint endpoint) {
        String model = model(chat.path("model").asString(""));
        ObjectNode body = Json.object();
        GeminiMessages.write(chat.get("messages"), body);
        GeminiTools.write(chat, body);
        GeminiConfig.write(chat, body);
        boolean stream = chat.path("stream").asBoolean(false);
        String method = stream ? ":streamGenerateContent?alt=sse" : ":generateContent";
        return OutboundRequest.postJson(url(endpoint, model, method), headers(endpoint), Json.write(body));
    }

    @Override
    public ObjectNode completion(JsonNode answer) {
        return GeminiAnswer.completion(answer);
    }

    @Override
    public Usage usage(JsonNode answer) {
        return GeminiUsage.of(answer.get("usageMetadata"));
    }

    @Override
    public StreamDecoder decoder() {
        return new GeminiStreamDecoder();
    }

    /** Gemini's {@code {"error": {"code", "message", "status"}}}; an error from the stream endpoint may come as a one-element array. */
    @Override
    public Optional<String> errorMessage(JsonNode answer) {
        JsonNode body = answer != null && answer.isArray() ? answer.path(0) : answer;
        JsonNode message = body == null ? null : body.path("error").get("message");
        return message != null && message.isString() ? Optional.of(message.stringValue()) : Optional.empty();
    }

    @Override
    public OutboundRequest embeddings(ObjectNode request, Endpoint endpoint) {
        String model = model(request.path("model").asString(""));
        ObjectNode body = GeminiEmbeddings.body(request, model.replaceFirst("^tunedModels/", ""));
        return OutboundRequest.postJson(url(endpoint, model, ":batchEmbedContents"), headers(endpoint), Json.write(body));
    }

    /** The OpenAI embeddings answer for {@code request}: its {@code model} reported, its {@code encoding_format} honoured. */
    @Override
    public ObjectNode embeddingsAnswer(JsonNode answer, JsonNode request) {
        String model = request.path("model").isString() ? request.get("model").stringValue() : null;
        boolean base64 = request.path("encoding_format").asString("float").equals("base64");
        return GeminiEmbeddings.answer(answer, model, base64);
    }

    /** The model as Gemini names it in a path: {@code models/} is implied, a tuned model keeps its prefix. */
    private static String model(String name) {
        String model = name.startsWith("models/") ? name.substring("models/".length()) : name;
        if (!MODEL.matcher(model).matches()) {
            throw new WireException("model", "is not a Gemini model name");
        }
        return model;
    }

    private static URI url(Endpoint endpoint, String model, String method) {
        String base = endpoint.baseUrl().replaceAll("/+$", "");
        if (!base.endsWith("/v1beta") && !base.endsWith("/v1")) {
            base += "/v1beta";
        }
        String path = model.startsWith("tunedModels/") ? model : "models/" + model;
        return URI.create(base + "/" + path + method);
    }

    /** The key goes in a header only: a {@code ?key=} URL would be written to access logs on both ends. */
    private static Map<String, String> headers(Endpoint endpoint) {
        return Map.of("x-goog-api-key", endpoint.apiKey());
    }
}
