package dev.quartermaster.gateway.web;

import dev.quartermaster.gateway.pipeline.Gateway;
import dev.quartermaster.gateway.pipeline.Inbound;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.RequestAuthenticator;
import dev.quartermaster.identity.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inference routes, for any signed-in caller (what they may reach is their tier's models, and
 * who pays is their keys' or their tier's business). The body is read raw: each dialect reads it.
 */
@RestController
@SignedIn
class GatewayController {

    private final Gateway gateway;

    GatewayController(Gateway gateway) {
        this.gateway = gateway;
    }

    /** OpenAI Chat Completions, streamed ({@code "stream": true}) or whole. */
    @PostMapping("/v1/chat/completions")
    void chat(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        gateway.serve(caller, apiKeyId(request), Inbound.CHAT, body(request), response);
    }

    /** OpenAI Responses, streamed or whole; nothing is stored, so {@code previous_response_id} is refused. */
    @PostMapping("/v1/responses")
    void responses(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        gateway.serve(caller, apiKeyId(request), Inbound.RESPONSES, body(request), response);
    }

    /** OpenAI Embeddings. */
    @PostMapping("/v1/embeddings")
    void embeddings(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        gateway.serve(caller, apiKeyId(request), Inbound.EMBEDDINGS, body(request), response);
    }

    /** Anthropic Messages, streamed or whole. */
    @PostMapping("/v1/messages")
    void messages(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        gateway.serve(caller, apiKeyId(request), Inbound.MESSAGES, body(request), response);
    }

    /** The body, read into an array of its declared length when it declares one ({@code readAllBytes} starts at 16 KiB). */
    static byte[] body(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        return length >= 0 && length <= Integer.MAX_VALUE ? request.getInputStream().readNBytes((int) length)
                : request.getInputStream().readAllBytes();
    }

    static UUID apiKeyId(HttpServletRequest request) {
        return request.getAttribute(RequestAuthenticator.API_KEY_ID) instanceof UUID id ? id : null;
    }
}
