package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.Usage;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Anthropic {@code message} as a {@code chat.completion}. Text blocks are joined (without a
 * separator: Anthropic splits one text into blocks around citations); thinking is given as
 * {@code reasoning_content}, as OpenAI-compatible servers that reason do, and its signature dropped;
 * server tool blocks have no chat form and are left out.
 */
final class AnthropicToChat {

    private AnthropicToChat() {
    }

    static ObjectNode completion(JsonNode message) {
        Parts parts = Parts.of(message.path("content"));
        ObjectNode completion = Json.object();
        completion.put("id", message.path("id").asString(""));
        completion.put("object", "chat.completion");
        completion.put("created", Instant.now().getEpochSecond());
        completion.put("model", message.path("model").asString(""));
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("message", chatMessage(parts));
        choice.put("finish_reason", finishReason(message.path("stop_reason").asString(null), parts.calls));
        choice.putNull("logprobs");
        Usage usage = AnthropicUsage.normalise(message.get("usage"));
        if (usage.reported()) {
            completion.set("usage", AnthropicUsage.chatUsage(usage));
        }
        return completion;
    }

    /** The text, thinking and tool calls of a message's content blocks. */
    private record Parts(StringBuilder text, StringBuilder thinking, ArrayNode calls) {

        static Parts of(JsonNode content) {
            Parts parts = new Parts(new StringBuilder(), new StringBuilder(), Json.array());
            for (JsonNode block : content) {
                switch (block.path("type").asString("")) {
                    case "text" -> parts.text.append(block.path("text").asString(""));
                    case "thinking" -> parts.thinking.append(block.path("thinking").asString(""));
                    case "tool_use" -> {
                        if (JsonAnswerTool.is(block)) {
                            parts.text.append(Json.write(block.path("input")));
                        } else {
                            parts.calls.add(toolCall(block));
                        }
                    }
                    default -> { }
                }
            }
            return parts;
        }
    }

    /** A forced JSON answer stops on {@code tool_use}, but for the client it is a plain answer. */
    static String finishReason(String stopReason, ArrayNode calls) {
        String finish = StopReasons.finishReason(stopReason);
        if (finish == null || "tool_calls".equals(finish) && calls.isEmpty()) {
            return "stop";
        }
        return finish;
    }

    private static ObjectNode chatMessage(Parts parts) {
        ObjectNode message = Json.object().put("role", "assistant");
        if (parts.text.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", parts.text.toString());
        }
        if (!parts.thinking.isEmpty()) {
            message.put("reasoning_content", parts.thinking.toString());
        }
        message.putNull("refusal");
        if (!parts.calls.isEmpty()) {
            message.set("tool_calls", parts.calls);
        }
        return message;
    }

    private static ObjectNode toolCall(JsonNode block) {
        ObjectNode call = Json.object().put("id", block.path("id").asString("")).put("type", "function");
        JsonNode input = block.path("input");
        call.putObject("function").put("name", block.path("name").asString(""))
                .put("arguments", input.isObject() ? Json.write(input) : "{}");
        return call;
    }
}
