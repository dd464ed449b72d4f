package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import org.junit.jupiter.api.Test;

/** The official openai-java SDK, unmodified but for base URL and key, chats through the gateway. */
@QuartermasterTest
class GatewaySdkTest {

    @Test
    void theOpenAiClientGetsWholeAndStreamedAnswers(TestApi api) {
        try (GatewayFixture gw = GatewayFixture.openAiCompatible(api)) {
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(api.base() + "/v1").apiKey(gw.user.key())
                    .maxRetries(0).build();
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(gw.model).addUserMessage("Hi").build();

            gw.upstream.replying(r -> Reply.json(200, OpenAiStreams.completion(gw.model, "Whole")));
            ChatCompletion whole = client.chat().completions().create(params);
            gw.upstream.replying(r -> Reply.events(OpenAiStreams.stream(gw.model, "Str", "eam", "ed"), 5));
            ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(accumulator::accumulate);
            }

            assertThat(whole.choices().getFirst().message().content()).contains("Whole");
            assertThat(whole.usage().orElseThrow().promptTokens()).isEqualTo(12);
            ChatCompletion streamed = accumulator.chatCompletion();
            assertThat(streamed.choices().getFirst().message().content()).contains("Streamed");
            assertThat(streamed.id()).isEqualTo("chatcmpl-up123");
            assertThatThrownBy(() -> client.chat().completions().create(params.toBuilder().model("no-" + gw.model).build()))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
