package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An Anthropic image source as a chat {@code image_url} part: base64 as a data URL, a URL as itself. */
final class MessagesImages {

    private MessagesImages() {
    }

    static ObjectNode imagePart(JsonNode source, String param) {
        String url = switch (source.path("type").asString("")) {
            case "base64" -> "data:" + MessagesToChat.requiredString(source, "media_type", param + ".media_type")
                    + ";base64," + MessagesToChat.requiredString(source, "data", param + ".data");
            case "url" -> MessagesToChat.requiredString(source, "url", param + ".url");
            default -> throw new WireException(param + ".type", "must be base64 or url");
        };
        ObjectNode part = Json.object().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }
}
