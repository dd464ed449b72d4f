package dev.quartermaster.gateway.responses;

import static dev.quartermaster.gateway.responses.RequestReader.present;
import static dev.quartermaster.gateway.responses.RequestReader.string;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Content parts read into chat parts: text of any kind becomes {@code text}, an image given by URL
 * (a {@code data:} URL or https) becomes {@code image_url}. Files, audio and images by {@code file_id}
 * live in OpenAI's storage or need its tools, so they are refused naming the part.
 */
final class ContentReader {

    private ContentReader() {
    }

    /** {@code images}: whether the turn may carry images (chat takes them only from the user). */
    static ArrayNode parts(JsonNode parts, String at, boolean images) {
        ArrayNode chat = Json.array();
        for (int j = 0; j < parts.size(); j++) {
            chat.add(part(parts.get(j), at + "[" + j + "]", images));
        }
        return chat;
    }

    private static ObjectNode part(JsonNode part, String at, boolean images) {
        String type = part.path("type").asString("");
        return switch (type) {
            case "input_text", "output_text" -> text(string(part, "text", at + ".text"));
            // a refusal replayed from an earlier answer is what the assistant said
            case "refusal" -> text(string(part, "refusal", at + ".refusal"));
            case "input_image" -> {
                if (!images) {
                    throw new WireException(at + ".type", "images are accepted only in user messages");
                }
                yield image(part, at);
            }
            case "" -> throw new WireException(at + ".type", "is required");
            default -> throw new WireException(at + ".type", "'" + type + "' content is not supported through the gateway");
        };
    }

    private static ObjectNode text(String text) {
        return Json.object().put("type", "text").put("text", text);
    }

    private static ObjectNode image(JsonNode part, String at) {
        if (!present(part, "image_url")) {
            throw new WireException(at + ".image_url", present(part, "file_id")
                    ? "is required: images by file_id are not supported through the gateway; send a data or https URL"
                    : "is required");
        }
        String address = string(part, "image_url", at + ".image_url");
        if (!address.startsWith("data:") && !address.startsWith("https://")) {
            throw new WireException(at + ".image_url", "must be a data: URL or an https URL");
        }
        ObjectNode url = Json.object().put("url", address);
        if (part.path("detail").isString()) {
            url.put("detail", part.get("detail").asString());
        }
        ObjectNode image = Json.object().put("type", "image_url");
        image.set("image_url", url);
        return image;
    }
}
