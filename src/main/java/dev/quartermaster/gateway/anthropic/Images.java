package dev.quartermaster.gateway.anthropic;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Images between OpenAI's {@code image_url} (a data URL or a web address) and Anthropic's {@code source}. */
final class Images {

    private Images() {
    }

    /** An OpenAI image part as an Anthropic image block. */
    static ObjectNode toBlock(JsonNode part, String param) {
        String url = part.path("image_url").path("url").asString("");
        ObjectNode block = Json.object().put("type", "image");
        ObjectNode source = block.putObject("source");
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            int semicolon = url.indexOf(';');
            if (comma < 0 || semicolon < 0 || semicolon > comma || !url.substring(semicolon, comma).equals(";base64")) {
                throw new WireException(param, "must be a base64 data URL (data:image/png;base64,...)");
            }
            source.put("type", "base64").put("media_type", url.substring(5, semicolon)).put("data", url.substring(comma + 1));
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            source.put("type", "url").put("url", url);
        } else {
            throw new WireException(param, "must be a data URL or an http(s) URL");
        }
        return block;
    }

    /** An Anthropic image block as an OpenAI image part. */
    static ObjectNode toPart(JsonNode block, String param) {
        JsonNode source = block.path("source");
        String url = switch (source.path("type").asString("")) {
            case "base64" -> "data:" + source.path("media_type").asString("image/png") + ";base64," + source.path("data").asString("");
            case "url" -> source.path("url").asString("");
            default -> throw new WireException(param + ".source.type", "must be base64 or url");
        };
        ObjectNode part = Json.object().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }
}
