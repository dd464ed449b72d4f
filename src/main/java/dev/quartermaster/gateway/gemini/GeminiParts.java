package dev.quartermaster.gateway.gemini;

import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A chat message's {@code content} (a string or an array of typed parts) as Gemini {@code parts}. */
final class GeminiParts {

    private static final Map<String, String> IMAGE_TYPES = Map.of(".png", "image/png", ".jpg", "image/jpeg",
            ".jpeg", "image/jpeg", ".webp", "image/webp", ".gif", "image/gif", ".heic", "image/heic", ".heif", "image/heif");

    private GeminiParts() {
    }

    /** The parts of {@code content}; none for null. {@code param} names the content in errors. */
    static ArrayNode of(JsonNode content, String param) {
        ArrayNode parts = Json.array();
        if (content == null || content.isNull() || content.isMissingNode()) {
            return parts;
        }
        if (content.isString()) {
            addText(parts, content.stringValue());
            return parts;
        }
        if (!content.isArray()) {
            throw new WireException(param, "must be a string or an array of content parts");
        }
        for (int j = 0; j < content.size(); j++) {
            add(parts, content.get(j), param + "[" + j + "]");
        }
        return parts;
    }

    /** The text of {@code content}, for messages (system, tool) that carry only text. */
    static String text(JsonNode content, String param) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : of(content, param)) {
            if (!part.has("text")) {
                throw new WireException(param, "may hold only text here");
            }
            text.append(part.get("text").stringValue());
        }
        return text.toString();
    }

    private static void add(ArrayNode parts, JsonNode part, String param) {
        String type = part.path("type").asString("");
        switch (type) {
            case "text" -> addText(parts, part.path("text").asString(""));
            case "refusal" -> addText(parts, part.path("refusal").asString(""));
            case "image_url" -> parts.add(image(part.path("image_url").path("url").asString(""), param + ".image_url.url"));
            case "input_audio" -> parts.add(audio(part.path("input_audio"), param + ".input_audio"));
            case "file" -> parts.add(file(part.path("file"), param + ".file"));
            default -> throw new WireException(param + ".type", "content part type '" + type + "' is not supported by Gemini");
        }
    }

    private static void addText(ArrayNode parts, String text) {
        if (!text.isEmpty()) {
            parts.addObject().put("text", text);
        }
    }

    /** Data URLs go inline; http(s) URLs by reference ({@code fileData}), typed when the path names an image type. */
    private static ObjectNode image(String url, String param) {
        if (url.startsWith("data:")) {
            return inline(url, param);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw new WireException(param, "must be a data: URL or an http(s) URL");
        }
        ObjectNode fileData = Json.object();
        String path = lower.replaceAll("[?#].*$", "");
        IMAGE_TYPES.forEach((suffix, mime) -> {
            if (path.endsWith(suffix)) {
                fileData.put("mimeType", mime);
            }
        });
        fileData.put("fileUri", url);
        ObjectNode part = Json.object();
        part.set("fileData", fileData);
        return part;
    }

    private static ObjectNode audio(JsonNode audio, String param) {
        String format = audio.path("format").asString("");
        String data = audio.path("data").asString("");
        if (format.isEmpty() || data.isEmpty()) {
            throw new WireException(param, "needs data and format");
        }
        return inlineData("audio/" + format, data);
    }

    private static ObjectNode file(JsonNode file, String param) {
        String data = file.path("file_data").asString("");
        if (!data.startsWith("data:")) {
            throw new WireException(param + ".file_data", "Gemini takes files only inline, as a data: URL");
        }
        return inline(data, param + ".file_data");
    }

    private static ObjectNode inline(String dataUrl, String param) {
        int comma = dataUrl.indexOf(',');
        String header = comma < 0 ? "" : dataUrl.substring("data:".length(), comma);
        if (!header.endsWith(";base64") || header.length() == ";base64".length()) {
            throw new WireException(param, "must be a base64 data URL with a media type");
        }
        return inlineData(header.substring(0, header.length() - ";base64".length()), dataUrl.substring(comma + 1));
    }

    private static ObjectNode inlineData(String mimeType, String data) {
        ObjectNode part = Json.object();
        part.putObject("inlineData").put("mimeType", mimeType).put("data", data);
        return part;
    }
}
