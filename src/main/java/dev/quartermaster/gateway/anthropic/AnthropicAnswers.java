package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An Anthropic message as a {@code chat.completion}: text joined, {@code tool_use} as tool calls, usage normalised. */
final class AnthropicAnswers {

    private AnthropicAnswers() {
    }

    static ObjectNode completion(JsonNode answer) {
        if (!answer.path("content").isArray()) {
            throw new IllegalArgumentException("not an Anthropic message");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        ArrayNode calls = Json.array();
        for (JsonNode block : answer.get("content")) {
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "thinking" -> thinking.append(block.path("thinking").asString(""));
                case "tool_use" -> {
                    if (block.path("name").asString("").equals(AnthropicTools.JSON_TOOL)) {
                        text.append(Json.write(block.path("input")));
                    } else {
                        ObjectNode call = calls.addObject().put("id", block.path("id").asString("")).put("type", "function");
                        call.putObject("function").put("name", block.path("name").asString(""))
                                .put("arguments", Json.write(block.path("input")));
                    }
                }
                default -> { }
            }
        }
        ObjectNode completion = Json.object().put("id", answer.path("id").asString(""))
                .put("object", "chat.completion").put("created", Instant.now().getEpochSecond())
                .put("model", answer.path("model").asString(""));
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (text.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        if (!thinking.isEmpty()) {
            message.put("reasoning_content", thinking.toString());
        }
        if (!calls.isEmpty()) {
            message.set("tool_calls", calls);
        }
        String stop = answer.path("stop_reason").asString(null);
        choice.put("finish_reason", stop != null && stop.equals("tool_use") && calls.isEmpty() ? "stop" : StopReasons.toFinish(stop));
        completion.set("usage", AnthropicUsage.openAi(AnthropicUsage.of(answer.get("usage"))));
        return completion;
    }
}
