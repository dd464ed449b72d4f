package dev.quartermaster.gateway.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.Usage;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class GeminiAnswerTest {

    final GeminiUpstream gemini = new GeminiUpstream();

    static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    /** The node as it goes on the wire, read back: int and long nodes of one value compare equal. */
    static JsonNode written(JsonNode node) {
        return json(Json.write(node));
    }

    /** What a client's SDK makes of it: parses and validates, or throws. */
    static ChatCompletion parsed(ObjectNode completion) throws Exception {
        return ObjectMappers.jsonMapper().readValue(Json.write(completion), ChatCompletion.class).validate();
    }

    static final String THINKING_TOOL_ANSWER = """
            {"candidates": [{"content": {"role": "model", "parts": [
                {"text": "The user wants weather.", "thought": true},
                {"text": "Let me check "},
                {"text": "both cities."},
                {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}, "thoughtSignature": "CpcCAdHtim9+"},
                {"functionCall": {"name": "get_weather", "args": {"city": "Rome"}}}]},
              "finishReason": "STOP", "index": 0}],
             "usageMetadata": {"promptTokenCount": 120, "candidatesTokenCount": 30, "totalTokenCount": 200,
               "cachedContentTokenCount": 100, "thoughtsTokenCount": 50,
               "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 120}]},
             "modelVersion": "gemini-2.5-flash", "responseId": "mN5qaPqPDo7Uz7IPv9mAsAU"}
            """;

    @Test
    void everyPartIsReadThoughtsApartAndFunctionCallsMakeItAToolCallFinish() throws Exception {
        ObjectNode completion = gemini.completion(json(THINKING_TOOL_ANSWER));

        assertThat(completion.get("id").asString()).isEqualTo("mN5qaPqPDo7Uz7IPv9mAsAU");
        assertThat(completion.get("object").asString()).isEqualTo("chat.completion");
        assertThat(completion.get("model").asString()).isEqualTo("gemini-2.5-flash");
        assertThat(completion.get("created").longValue()).isPositive();
        JsonNode choice = completion.get("choices").get(0);
        assertThat(choice.get("finish_reason").asString()).isEqualTo("tool_calls");
        JsonNode message = choice.get("message");
        assertThat(message.get("content").asString()).isEqualTo("Let me check both cities.");
        assertThat(message.get("reasoning_content").asString()).isEqualTo("The user wants weather.");
        JsonNode calls = message.get("tool_calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("type").asString()).isEqualTo("function");
        assertThat(calls.get(0).get("function")).isEqualTo(json("{\"name\": \"get_weather\", \"arguments\": \"{\\\"city\\\":\\\"Paris\\\"}\"}"));
        assertThat(calls.get(1).get("function").get("arguments").asString()).isEqualTo("{\"city\":\"Rome\"}");
        assertThat(ToolCallIds.signature(calls.get(0).get("id").asString())).isEqualTo("CpcCAdHtim9+");
        assertThat(calls.get(1).get("id").asString()).matches("call_[A-Za-z0-9]{24}").isNotEqualTo(calls.get(0).get("id").asString());
        assertThat(written(completion.get("usage"))).isEqualTo(json("""
                {"prompt_tokens": 120, "completion_tokens": 80, "total_tokens": 200,
                 "prompt_tokens_details": {"cached_tokens": 100}, "completion_tokens_details": {"reasoning_tokens": 50}}
                """));
        ChatCompletion sdk = parsed(completion);
        assertThat(sdk.choices().get(0).message().toolCalls().orElseThrow()).hasSize(2);
        assertThat(sdk.usage().orElseThrow().completionTokens()).isEqualTo(80);
    }

    @Test
    void theToolCallsOfAnAnswerGoBackToGeminiAsItsOwnFunctionCalls() {
        JsonNode message = gemini.completion(json(THINKING_TOOL_ANSWER)).get("choices").get(0).get("message");
        ObjectNode chat = (ObjectNode) json("{\"model\": \"gemini-3-pro-preview\"}");
        chat.putArray("messages").add(json("{\"role\": \"user\", \"content\": \"Weather?\"}")).add(message)
                .add(json("{\"role\": \"tool\", \"tool_call_id\": \"%s\", \"content\": \"18C\"}"
                        .formatted(message.get("tool_calls").get(1).get("id").asString())))
                .add(json("{\"role\": \"tool\", \"tool_call_id\": \"%s\", \"content\": \"21C\"}"
                        .formatted(message.get("tool_calls").get(0).get("id").asString())));

        JsonNode contents = json(gemini.chat(chat, GeminiRequestTest.ENDPOINT).jsonBody()).get("contents");

        assertThat(contents.get(1)).isEqualTo(json("""
                {"role": "model", "parts": [{"text": "Let me check both cities."},
                  {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}, "thoughtSignature": "CpcCAdHtim9+"},
                  {"functionCall": {"name": "get_weather", "args": {"city": "Rome"}}}]}
                """));
        assertThat(contents.get(2).get("parts")).extracting(part -> part.get("functionResponse").get("response").get("result").asString())
                .containsExactly("18C", "21C");
    }

    @Test
    void usageIsNormalisedWithTheRawMetadataKept() {
        JsonNode answer = json(THINKING_TOOL_ANSWER);

        Usage usage = gemini.usage(answer);

        assertThat(usage).isEqualTo(new Usage(120L, 100L, null, 80L, 50L, answer.get("usageMetadata")));
    }

    @Test
    void countsGeminiLeavesOutStayAbsent() throws Exception {
        JsonNode answer = json("""
                {"candidates": [{"content": {"role": "model", "parts": [{"text": "Hi"}]}, "finishReason": "STOP"}],
                 "usageMetadata": {"promptTokenCount": 4, "candidatesTokenCount": 1, "totalTokenCount": 5},
                 "modelVersion": "gemini-2.0-flash", "responseId": "r1"}
                """);

        ObjectNode completion = gemini.completion(answer);

        assertThat(gemini.usage(answer)).isEqualTo(new Usage(4L, null, null, 1L, null, answer.get("usageMetadata")));
        assertThat(written(completion.get("usage"))).isEqualTo(json("{\"prompt_tokens\": 4, \"completion_tokens\": 1, \"total_tokens\": 5}"));
        assertThat(completion.get("choices").get(0).get("message").has("reasoning_content")).isFalse();
        assertThat(completion.get("choices").get(0).get("message").has("tool_calls")).isFalse();
        parsed(completion);
    }

    @Test
    void maxTokensIsLengthAndAnAnswerOfOnlyThoughtsHasNoContent() throws Exception {
        JsonNode answer = json("""
                {"candidates": [{"content": {"role": "model", "parts": [{"text": "Hmm, thinking...", "thought": true}]},
                   "finishReason": "MAX_TOKENS", "index": 0}],
                 "usageMetadata": {"promptTokenCount": 10, "totalTokenCount": 74, "thoughtsTokenCount": 64},
                 "modelVersion": "gemini-2.5-pro", "responseId": "r2"}
                """);

        ObjectNode completion = gemini.completion(answer);

        JsonNode choice = completion.get("choices").get(0);
        assertThat(choice.get("finish_reason").asString()).isEqualTo("length");
        assertThat(choice.get("message").get("content").isNull()).isTrue();
        assertThat(written(completion.get("usage"))).isEqualTo(json("""
                {"prompt_tokens": 10, "completion_tokens": 64, "total_tokens": 74, "completion_tokens_details": {"reasoning_tokens": 64}}
                """));
        assertThat(parsed(completion).choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"STOP,stop", "MAX_TOKENS,length", "SAFETY,content_filter", "RECITATION,content_filter",
        "BLOCKLIST,content_filter", "PROHIBITED_CONTENT,content_filter", "SPII,content_filter", "OTHER,stop",
        "MALFORMED_FUNCTION_CALL,stop"})
    void finishReasonsMapToOpenAis(String gemini, String openai) {
        assertThat(GeminiAnswer.finishReason(gemini, false)).isEqualTo(openai);
        assertThat(GeminiAnswer.finishReason(gemini, true)).isEqualTo("tool_calls");
    }

    @Test
    void aBlockedPromptIsAContentFilterFinishWithoutContent() throws Exception {
        ObjectNode completion = gemini.completion(json("""
                {"promptFeedback": {"blockReason": "SAFETY", "safetyRatings": []},
                 "usageMetadata": {"promptTokenCount": 8, "totalTokenCount": 8}, "modelVersion": "gemini-2.5-flash"}
                """));

        JsonNode choice = completion.get("choices").get(0);
        assertThat(choice.get("finish_reason").asString()).isEqualTo("content_filter");
        assertThat(choice.get("message").get("content").isNull()).isTrue();
        assertThat(completion.get("id").asString()).matches("chatcmpl-[A-Za-z0-9]{29}");
        // Gemini reports no output count here, so none is made up; openai-java wants one, which is the client side's to fill
        assertThat(written(completion.get("usage"))).isEqualTo(json("{\"prompt_tokens\": 8}"));
    }

    @Test
    void severalCandidatesAreSeveralChoices() throws Exception {
        ObjectNode completion = gemini.completion(json("""
                {"candidates": [
                  {"content": {"role": "model", "parts": [{"text": "A"}]}, "finishReason": "STOP", "index": 0},
                  {"content": {"role": "model", "parts": [{"text": "B"}]}, "finishReason": "STOP", "index": 1}],
                 "modelVersion": "gemini-2.5-flash", "responseId": "r3"}
                """));

        assertThat(completion.get("choices")).hasSize(2);
        assertThat(completion.get("choices").get(1).get("index").asInt()).isEqualTo(1);
        assertThat(completion.get("choices").get(1).get("message").get("content").asString()).isEqualTo("B");
        assertThat(completion.has("usage")).isFalse();
        assertThat(parsed(completion).choices()).hasSize(2);
    }

    @Test
    void theErrorMessageIsErrorMessageEvenInAnArray() {
        String error = """
                {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT"}}
                """;

        assertThat(gemini.errorMessage(json(error))).contains("API key not valid. Please pass a valid API key.");
        assertThat(gemini.errorMessage(json("[" + error + "]"))).contains("API key not valid. Please pass a valid API key.");
        assertThat(gemini.errorMessage(json("{\"candidates\": []}"))).isEqualTo(Optional.empty());
    }
}
