package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The content of one chat message as Anthropic content blocks. */
final class ChatContent {

    private static final String BASE64 = ";base64,";

    private ChatContent() {
    }

    /** The texts of a string or of an array of text parts (system, developer, tool messages). */
    static List<String> texts(JsonNode content, String param) {
        if (content.isString()) {
            return List.of(content.asString());
        }
        if (content.isNull() || content.isMissingNode()) {
            return List.of();
        }
        if (!content.isArray()) {
            throw new WireException(param, "must be a string or an array of content parts");
        }
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            if (!"text".equals(part.path("type").asString(""))) {
                throw new WireException(param + "[" + j + "].type", "must be text here");
            }
            texts.add(part.path("text").asString(""));
        }
        return texts;
    }

    static List<ObjectNode> userBlocks(JsonNode content, String param) {
        List<ObjectNode> blocks = new ArrayList<>();
        if (content.isString()) {
            addText(blocks, content.asString());
            return blocks;
        }
        if (!content.isArray()) {
            throw new WireException(param, "must be a string or an array of content parts");
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String partParam = param + "[" + j + "]";
            switch (part.path("type").asString("")) {
                case "text" -> addText(blocks, part.path("text").asString(""));
                case "image_url" -> blocks.add(image(part.path("image_url"), partParam + ".image_url"));
                default -> throw new WireException(partParam + ".type", "must be text or image_url for an Anthropic model");
            }
        }
        return blocks;
    }

    /** Text first, then one {@code tool_use} block per tool call, its input the parsed arguments. */
    static List<ObjectNode> assistantBlocks(JsonNode message, String param) {
        List<ObjectNode> blocks = new ArrayList<>();
        JsonNode content = message.path("content");
        if (content.isArray()) {
            content.forEach(part -> addText(blocks, part.path("text").asString(part.path("refusal").asString(""))));
        } else if (content.isString()) {
            addText(blocks, content.asString());
        }
        JsonNode calls = message.path("tool_calls");
        for (int j = 0; j < calls.size(); j++) {
            JsonNode call = calls.get(j);
            String callParam = param + ".tool_calls[" + j + "]";
            ObjectNode block = Json.object().put("type", "tool_use");
            block.put("id", call.path("id").asString(""));
            block.put("name", call.path("function").path("name").asString(""));
            block.set("input", arguments(call.path("function").path("arguments"), callParam + ".function.arguments"));
            blocks.add(block);
        }
        return blocks;
    }

    static ObjectNode toolResult(JsonNode message, String param) {
        JsonNode id = message.path("tool_call_id");
        if (!id.isString() || id.asString().isEmpty()) {
            throw new WireException(param + ".tool_call_id", "is required");
        }
        ObjectNode block = Json.object().put("type", "tool_result").put("tool_use_id", id.asString());
        String text = String.join("", texts(message.path("content"), param + ".content"));
        if (!text.isEmpty()) {
            block.put("content", text);
        }
        return block;
    }

    /** Arguments are JSON text of an object; some clients send an empty string for a call without any. */
    private static JsonNode arguments(JsonNode arguments, String param) {
        String text = arguments.asString("");
        if (text.isBlank()) {
            return Json.object();
        }
        JsonNode input = Json.parse(text, param);
        if (!input.isObject()) {
            throw new WireException(param, "must be a JSON object");
        }
        return input;
    }

    private static ObjectNode image(JsonNode imageUrl, String param) {
        String url = (imageUrl.isString() ? imageUrl : imageUrl.path("url")).asString("");
        ObjectNode block = Json.object().put("type", "image");
        ObjectNode source = block.putObject("source");
        int base64 = url.indexOf(BASE64);
        if (url.startsWith("data:") && base64 > 5) {
            source.put("type", "base64").put("media_type", url.substring(5, base64))
                    .put("data", url.substring(base64 + BASE64.length()));
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            source.put("type", "url").put("url", url);
        } else {
            throw new WireException(param + ".url", "must be a base64 data URL or an http(s) URL");
        }
        return block;
    }

    private static void addText(List<ObjectNode> blocks, String text) {
        if (!text.isEmpty()) {
            blocks.add(Json.object().put("type", "text").put("text", text));
        }
    }
}
