package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A canary managed key, echoed back by the upstream in every error it can send (before the answer,
 * inside a stream, as a masked key), appears in no response body, header or log line on any of
 * the four routes.
 */
@QuartermasterTest
@ExtendWith(OutputCaptureExtension.class)
class CanaryKeyTest {

    private static final String[] ROUTES = {"/v1/chat/completions", "/v1/responses", "/v1/embeddings", "/v1/messages"};

    @Test
    void theKeyNeverLeavesInAnyAnswerOrLogLine(TestApi api, CapturedOutput output) {
        try (GatewayFixture gw = GatewayFixture.of(api, "openai_like", "/v1", "free", "[\"chat\", \"embeddings\"]")) {
            String key = gw.managedKey;
            String masked = "sk-" + key.substring(3, 7) + "****" + key.substring(key.length() - 4);
            List<TestResponse> answers = new ArrayList<>();
            gw.upstream.replying(r -> Reply.json(401, "{\"error\": {\"message\": \"Incorrect API key provided: " + key
                    + " (" + masked + ")\", \"type\": \"invalid_request_error\"}}"));
            for (String route : ROUTES) {
                answers.add(gw.as(api).post(route, body(route, gw.model, false)));
            }
            gw.upstream.replying(r -> Reply.events(List.of(
                    OpenAiStreams.chunk("up", "{\"role\": \"assistant\", \"content\": \"Hi\"}", null),
                    "data: {\"error\": {\"message\": \"key " + key + " was revoked\", \"type\": \"server_error\"}}\n\n"), 0));
            for (String route : List.of(ROUTES[0], ROUTES[1], ROUTES[3])) {
                answers.add(gw.as(api).post(route, body(route, gw.model, true)));
            }

            assertThat(answers).hasSize(7).allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.body()).isNotEqualTo(500);
                assertThat(answer.body()).doesNotContain(key).doesNotContain(masked).doesNotContain(key.substring(3));
                assertThat(answer.headers().toString()).doesNotContain(key);
            });
            assertThat(answers.subList(0, 4)).allSatisfy(answer -> assertThat(answer.body()).contains("[redacted]"));
            assertThat(answers.subList(4, 7)).allSatisfy(answer -> assertThat(answer.body()).contains("was revoked"));
            assertThat(output.getAll()).doesNotContain(key).doesNotContain(masked);
        }
    }

    private static String body(String route, String model, boolean stream) {
        return switch (route) {
            case "/v1/embeddings" -> "{\"model\": \"" + model + "\", \"input\": \"hello\"}";
            case "/v1/responses" -> "{\"model\": \"" + model + "\", \"input\": \"hello\", \"stream\": " + stream + "}";
            case "/v1/messages" -> "{\"model\": \"" + model + "\", \"max_tokens\": 50, \"stream\": " + stream
                    + ", \"messages\": [{\"role\": \"user\", \"content\": \"hello\"}]}";
            default -> "{\"model\": \"" + model + "\", \"stream\": " + stream + ", \"messages\": [{\"role\": \"user\", \"content\": \"hello\"}]}";
        };
    }
}
