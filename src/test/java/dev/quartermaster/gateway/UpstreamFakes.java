package dev.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.FakeServer.Recorded;
import dev.quartermaster.support.FakeServer.Reply;
import dev.quartermaster.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Each upstream kind answering a text in its own protocol, whole or streamed as it really streams,
 * after checking the request is shaped as that provider expects (its key header, its path, no key
 * in the URL, usage asked for on OpenAI streams). A request of the wrong shape gets a 400.
 */
final class UpstreamFakes {

    private UpstreamFakes() {
    }

    /** Answers {@code words} (joined) from an upstream of {@code kind}, paid by {@code key}. */
    static Function<Recorded, Reply> answering(String kind, String key, String... words) {
        return r -> {
            String problem = problem(kind, key, r);
            if (problem != null) {
                return Reply.json(400, "{\"error\": {\"message\": \"" + problem + "\"}}");
            }
            boolean stream = r.path().contains("stream") || TestApi.json(r.body()).path("stream").asBoolean(false);
            return switch (kind) {
                case "openai_like" -> stream ? Reply.events(OpenAiStreams.stream("up-model", words), 2)
                        : Reply.json(200, OpenAiStreams.completion("up-model", String.join("", words)));
                case "gemini" -> stream ? Reply.events(geminiStream(words), 2) : Reply.json(200, gemini(String.join("", words)));
                case "anthropic" -> stream ? Reply.events(anthropicStream(words), 2)
                        : Reply.json(200, anthropic(String.join("", words)));
                default -> throw new IllegalArgumentException(kind);
            };
        };
    }

    /**
     * Answers with one call of tool {@code weather} with arguments {@code {"city":"Oslo"}}, streamed in
     * fragments where the protocol streams arguments, after checking the request offered that tool.
     */
    static Function<Recorded, Reply> callingWeather(String kind, String key) {
        return r -> {
            String problem = problem(kind, key, r);
            if (problem == null && !r.body().contains("weather")) {
                problem = "the weather tool was not offered";
            }
            if (problem != null) {
                return Reply.json(400, "{\"error\": {\"message\": \"" + problem + "\"}}");
            }
            boolean stream = r.path().contains("stream") || TestApi.json(r.body()).path("stream").asBoolean(false);
            return switch (kind) {
                case "openai_like" -> stream ? Reply.events(List.of(
                        OpenAiStreams.chunk("up-model", "{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"index\": 0, "
                                + "\"id\": \"call_w1\", \"type\": \"function\", \"function\": {\"name\": \"weather\", \"arguments\": \"\"}}]}", null),
                        OpenAiStreams.chunk("up-model", "{\"tool_calls\": [{\"index\": 0, \"function\": {\"arguments\": \"{\\\"city\\\":\"}}]}", null),
                        OpenAiStreams.chunk("up-model", "{\"tool_calls\": [{\"index\": 0, \"function\": {\"arguments\": \"\\\"Oslo\\\"}\"}}]}", null),
                        OpenAiStreams.chunk("up-model", "{}", "\"tool_calls\""), "data: [DONE]\n\n"), 2)
                        : Reply.json(200, """
                        {"id": "chatcmpl-t", "object": "chat.completion", "created": 1, "model": "up-model",
                         "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": null,
                           "tool_calls": [{"id": "call_w1", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Oslo\\"}"}}]}}],
                         "usage": {"prompt_tokens": 20, "completion_tokens": 5, "total_tokens": 25}}""");
                case "gemini" -> {
                    String answer = """
                            {"candidates": [{"content": {"role": "model", "parts": [{"functionCall": {"name": "weather", "args": {"city": "Oslo"}}}]},
                              "finishReason": "STOP", "index": 0}], "usageMetadata": {"promptTokenCount": 20, "candidatesTokenCount": 5},
                             "modelVersion": "gemini-2.5-flash", "responseId": "gem-t"}""";
                    yield stream ? Reply.events(List.of("data: " + answer.replace("\n", " ") + "\r\n\r\n"), 0) : Reply.json(200, answer);
                }
                case "anthropic" -> stream ? Reply.events(List.of(
                        event("message_start", "{\"type\": \"message_start\", \"message\": {\"id\": \"msg_t\", \"type\": \"message\", "
                                + "\"role\": \"assistant\", \"model\": \"claude-up\", \"content\": [], \"usage\": {\"input_tokens\": 20, \"output_tokens\": 1}}}"),
                        event("content_block_start", "{\"type\": \"content_block_start\", \"index\": 0, \"content_block\": "
                                + "{\"type\": \"tool_use\", \"id\": \"toolu_w1\", \"name\": \"weather\", \"input\": {}}}"),
                        event("content_block_delta", "{\"type\": \"content_block_delta\", \"index\": 0, \"delta\": "
                                + "{\"type\": \"input_json_delta\", \"partial_json\": \"{\\\"city\\\": \"}}"),
                        event("content_block_delta", "{\"type\": \"content_block_delta\", \"index\": 0, \"delta\": "
                                + "{\"type\": \"input_json_delta\", \"partial_json\": \"\\\"Oslo\\\"}\"}}"),
                        event("content_block_stop", "{\"type\": \"content_block_stop\", \"index\": 0}"),
                        event("message_delta", "{\"type\": \"message_delta\", \"delta\": {\"stop_reason\": \"tool_use\"}, \"usage\": {\"output_tokens\": 5}}"),
                        event("message_stop", "{\"type\": \"message_stop\"}")), 2)
                        : Reply.json(200, """
                        {"id": "msg_t", "type": "message", "role": "assistant", "model": "claude-up",
                         "content": [{"type": "tool_use", "id": "toolu_w1", "name": "weather", "input": {"city": "Oslo"}}],
                         "stop_reason": "tool_use", "stop_sequence": null, "usage": {"input_tokens": 20, "output_tokens": 5}}""");
                default -> throw new IllegalArgumentException(kind);
            };
        };
    }

    private static String problem(String kind, String key, Recorded r) {
        if (r.path().contains(key)) {
            return "the key is in the URL";
        }
        JsonNode body = TestApi.json(r.body());
        return switch (kind) {
            case "openai_like" -> !("Bearer " + key).equals(r.header("Authorization")) ? "no bearer key"
                    : !r.path().equals("/v1/chat/completions") ? "wrong path " + r.path()
                    : body.path("stream").asBoolean(false) && !body.at("/stream_options/include_usage").asBoolean(false)
                    ? "a stream without include_usage" : null;
            case "gemini" -> !key.equals(r.header("x-goog-api-key")) ? "no x-goog-api-key"
                    : !r.path().matches("/v1beta/models/[^/:]+:(generateContent|streamGenerateContent\\?alt=sse)")
                    ? "wrong path " + r.path() : !body.path("contents").isArray() ? "no contents" : null;
            case "anthropic" -> !key.equals(r.header("x-api-key")) ? "no x-api-key"
                    : !"2023-06-01".equals(r.header("anthropic-version")) ? "no anthropic-version"
                    : !r.path().equals("/v1/messages") ? "wrong path " + r.path()
                    : !body.path("max_tokens").isIntegralNumber() ? "max_tokens is required" : null;
            default -> "unknown kind";
        };
    }

    static String gemini(String text) {
        return """
                {"candidates": [{"content": {"parts": [{"text": "%s"}], "role": "model"}, "finishReason": "STOP", "index": 0}],
                 "usageMetadata": {"promptTokenCount": 7, "candidatesTokenCount": 3, "totalTokenCount": 10},
                 "modelVersion": "gemini-2.5-flash", "responseId": "gem-resp-1"}""".formatted(text);
    }

    static List<String> geminiStream(String... words) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            boolean last = i == words.length - 1;
            events.add("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"" + words[i] + "\"}], \"role\": \"model\"}"
                    + (last ? ", \"finishReason\": \"STOP\"" : "") + ", \"index\": 0}], \"usageMetadata\": {\"promptTokenCount\": 7"
                    + (last ? ", \"candidatesTokenCount\": " + words.length + ", \"totalTokenCount\": " + (7 + words.length) : "")
                    + "}, \"modelVersion\": \"gemini-2.5-flash\", \"responseId\": \"gem-resp-1\"}\r\n\r\n");
        }
        return events;
    }

    static String anthropic(String text) {
        return """
                {"id": "msg_up123", "type": "message", "role": "assistant", "model": "claude-up",
                 "content": [{"type": "text", "text": "%s"}], "stop_reason": "end_turn", "stop_sequence": null,
                 "usage": {"input_tokens": 9, "cache_read_input_tokens": 2, "output_tokens": 3}}""".formatted(text);
    }

    static List<String> anthropicStream(String... words) {
        List<String> events = new ArrayList<>();
        events.add(event("message_start", "{\"type\": \"message_start\", \"message\": {\"id\": \"msg_up123\", \"type\": \"message\", "
                + "\"role\": \"assistant\", \"model\": \"claude-up\", \"content\": [], \"stop_reason\": null, \"stop_sequence\": null, "
                + "\"usage\": {\"input_tokens\": 9, \"output_tokens\": 1}}}"));
        events.add(event("content_block_start", "{\"type\": \"content_block_start\", \"index\": 0, "
                + "\"content_block\": {\"type\": \"text\", \"text\": \"\"}}"));
        events.add(event("ping", "{\"type\": \"ping\"}"));
        for (String word : words) {
            events.add(event("content_block_delta", "{\"type\": \"content_block_delta\", \"index\": 0, "
                    + "\"delta\": {\"type\": \"text_delta\", \"text\": \"" + word + "\"}}"));
        }
        events.add(event("content_block_stop", "{\"type\": \"content_block_stop\", \"index\": 0}"));
        events.add(event("message_delta", "{\"type\": \"message_delta\", \"delta\": {\"stop_reason\": \"end_turn\", "
                + "\"stop_sequence\": null}, \"usage\": {\"output_tokens\": " + words.length + "}}"));
        events.add(event("message_stop", "{\"type\": \"message_stop\"}"));
        return events;
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    static void assertNoKeyIn(String text, String key) {
        assertThat(text).doesNotContain(key);
    }
}
