package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUseBlock;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputText;
import com.openai.models.responses.ResponseStreamEvent;
import dev.quartermaster.support.GatewayFixture;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each inbound dialect, through its official SDK, against each upstream kind, whole and streamed:
 * the text the upstream produced arrives, assembled by the SDK's own accumulator.
 */
@QuartermasterTest
class DialectMatrixTest {

    private static final String[] WORDS = {"Hel", "lo ", "th", "ere"};

    @ParameterizedTest
    @ValueSource(strings = {"openai_like", "gemini", "anthropic"})
    void chatCompletionsThroughOpenAiJava(String kind, TestApi api) {
        try (GatewayFixture gw = fixture(api, kind)) {
            gw.upstream.replying(UpstreamFakes.answering(kind, gw.managedKey, WORDS));
            OpenAIClient client = openAi(api, gw);
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(gw.model).addUserMessage("Hi").build();

            ChatCompletion whole = client.chat().completions().create(params);
            ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(accumulator::accumulate);
            }

            assertThat(whole.choices().getFirst().message().content()).hasValue("Hello there");
            assertThat(accumulator.chatCompletion().choices().getFirst().message().content()).hasValue("Hello there");
            assertThat(accumulator.chatCompletion().choices().getFirst().finishReason())
                    .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai_like", "gemini", "anthropic"})
    void responsesThroughOpenAiJava(String kind, TestApi api) {
        try (GatewayFixture gw = fixture(api, kind)) {
            gw.upstream.replying(UpstreamFakes.answering(kind, gw.managedKey, WORDS));
            OpenAIClient client = openAi(api, gw);
            ResponseCreateParams params = ResponseCreateParams.builder().model(gw.model).input("Hi").build();

            Response whole = client.responses().create(params);
            ResponseAccumulator accumulator = ResponseAccumulator.create();
            try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params)) {
                stream.stream().forEach(accumulator::accumulate);
            }

            assertThat(text(whole)).isEqualTo("Hello there");
            assertThat(text(accumulator.response())).isEqualTo("Hello there");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai_like", "gemini", "anthropic"})
    void messagesThroughAnthropicJava(String kind, TestApi api) {
        try (GatewayFixture gw = fixture(api, kind)) {
            gw.upstream.replying(UpstreamFakes.answering(kind, gw.managedKey, WORDS));
            AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(api.base()).apiKey(gw.user.key())
                    .maxRetries(0).build();
            MessageCreateParams params = MessageCreateParams.builder().model(gw.model).maxTokens(100)
                    .addUserMessage("Hi").build();

            Message whole = client.messages().create(params);
            MessageAccumulator accumulator = MessageAccumulator.create();
            try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
                stream.stream().forEach(accumulator::accumulate);
            }

            assertThat(text(whole)).isEqualTo("Hello there");
            assertThat(text(accumulator.message())).isEqualTo("Hello there");
            assertThat(accumulator.message().stopReason()).hasValue(StopReason.END_TURN);
            assertThat(whole.usage().outputTokens()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai_like", "gemini", "anthropic"})
    void toolCallsThroughOpenAiJavaWholeAndStreamed(String kind, TestApi api) {
        try (GatewayFixture gw = fixture(api, kind)) {
            gw.upstream.replying(UpstreamFakes.callingWeather(kind, gw.managedKey));
            OpenAIClient client = openAi(api, gw);
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(gw.model)
                    .addUserMessage("Weather in Oslo?").addTool(ChatCompletionFunctionTool.builder()
                            .function(FunctionDefinition.builder().name("weather").parameters(FunctionParameters.builder()
                                    .putAdditionalProperty("type", JsonValue.from("object")).build()).build()).build())
                    .build();

            ChatCompletion whole = client.chat().completions().create(params);
            ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(accumulator::accumulate);
            }

            for (ChatCompletion completion : List.of(whole, accumulator.chatCompletion())) {
                ChatCompletion.Choice choice = completion.choices().getFirst();
                assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
                var call = choice.message().toolCalls().orElseThrow().getFirst().asFunction();
                assertThat(call.function().name()).isEqualTo("weather");
                assertThat(TestApi.json(call.function().arguments()).get("city").stringValue()).isEqualTo("Oslo");
                assertThat(call.id()).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai_like", "gemini", "anthropic"})
    void toolCallsThroughAnthropicJavaWholeAndStreamed(String kind, TestApi api) {
        try (GatewayFixture gw = fixture(api, kind)) {
            gw.upstream.replying(UpstreamFakes.callingWeather(kind, gw.managedKey));
            AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(api.base()).apiKey(gw.user.key())
                    .maxRetries(0).build();
            MessageCreateParams params = MessageCreateParams.builder().model(gw.model).maxTokens(100)
                    .addUserMessage("Weather in Oslo?").addTool(Tool.builder().name("weather")
                            .inputSchema(Tool.InputSchema.builder().build()).build()).build();

            Message whole = client.messages().create(params);
            MessageAccumulator accumulator = MessageAccumulator.create();
            try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
                stream.stream().forEach(accumulator::accumulate);
            }

            for (Message message : List.of(whole, accumulator.message())) {
                assertThat(message.stopReason()).hasValue(StopReason.TOOL_USE);
                ToolUseBlock use = message.content().stream().flatMap(b -> b.toolUse().stream()).findFirst().orElseThrow();
                assertThat(use.name()).isEqualTo("weather");
                assertThat(use._input().toString()).isEqualTo("{city=Oslo}");
            }
        }
    }

    static GatewayFixture fixture(TestApi api, String kind) {
        return GatewayFixture.of(api, kind, kind.equals("openai_like") ? "/v1" : "", "free", "[\"chat\", \"tools\"]");
    }

    private static OpenAIClient openAi(TestApi api, GatewayFixture gw) {
        return OpenAIOkHttpClient.builder().baseUrl(api.base() + "/v1").apiKey(gw.user.key()).maxRetries(0).build();
    }

    private static String text(Message message) {
        return message.content().stream().flatMap(block -> block.text().stream()).map(TextBlock::text)
                .collect(Collectors.joining());
    }

    private static String text(Response response) {
        return response.output().stream().flatMap(item -> item.message().stream())
                .flatMap(message -> message.content().stream())
                .flatMap(content -> content.outputText().stream())
                .map(ResponseOutputText::text).collect(Collectors.joining());
    }
}
