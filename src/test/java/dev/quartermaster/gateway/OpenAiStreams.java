package dev.quartermaster.gateway;

import java.util.ArrayList;
import java.util.List;

/** OpenAI-compatible answers as a real upstream sends them: whole, and as server-sent events. */
public final class OpenAiStreams {

    private OpenAiStreams() {
    }

    public static String completion(String model, String text) {
        return """
                {"id": "chatcmpl-up123", "object": "chat.completion", "created": 1764000000, "model": "%s",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s", "refusal": null},
                              "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15,
                           "prompt_tokens_details": {"cached_tokens": 4}}}
                """.formatted(model, text);
    }

    /** The text in one chunk per word, a finish chunk, the usage chunk (asked for) and {@code [DONE]}. */
    static List<String> stream(String model, String... words) {
        List<String> events = new ArrayList<>();
        events.add(chunk(model, "{\"role\": \"assistant\", \"content\": \"\"}", null));
        for (String word : words) {
            events.add(chunk(model, "{\"content\": \"" + word + "\"}", null));
        }
        events.add(chunk(model, "{}", "\"stop\""));
        events.add("data: {\"id\": \"chatcmpl-up123\", \"object\": \"chat.completion.chunk\", \"created\": 1764000000, "
                + "\"model\": \"" + model + "\", \"choices\": [], \"usage\": {\"prompt_tokens\": 12, "
                + "\"completion_tokens\": " + words.length + ", \"total_tokens\": " + (12 + words.length) + "}}\n\n");
        events.add("data: [DONE]\n\n");
        return events;
    }

    /** {@code n} chunks of one word each ("w0 ", "w1 ", …), no finish: the start of a long answer. */
    static List<String> words(String model, int n) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chunks.add(chunk(model, "{\"content\": \"w" + i + " \"}", null));
        }
        return chunks;
    }

    static String chunk(String model, String delta, String finish) {
        return "data: {\"id\": \"chatcmpl-up123\", \"object\": \"chat.completion.chunk\", \"created\": 1764000000, "
                + "\"model\": \"" + model + "\", \"choices\": [{\"index\": 0, \"delta\": " + delta
                + ", \"logprobs\": null, \"finish_reason\": " + finish + "}]}\n\n";
    }
}
