package dev.quartermaster.gateway.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.gateway.wire.Endpoint;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class GeminiRequestTest {

    static final Endpoint ENDPOINT = new Endpoint("https://generativelanguage.googleapis.com", "AIzaSy-secret", "gemini-2.5-flash");
    final GeminiUpstream gemini = new GeminiUpstream();

    static ObjectNode json(String text) {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    @Test
    void aChatWithSystemToolsAndAToolTurnBecomesGeminisRequest() {
        ObjectNode chat = json("""
                {"model": "gemini-2.5-flash",
                 "messages": [
                  {"role": "system", "content": "You are a weather bot."},
                  {"role": "developer", "content": [{"type": "text", "text": "Answer in JSON."}]},
                  {"role": "user", "content": [{"type": "text", "text": "Weather in Paris and Rome?"},
                     {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                     {"type": "image_url", "image_url": {"url": "https://example.com/map.JPG?size=2"}}]},
                  {"role": "assistant", "content": null, "tool_calls": [
                     {"id": "call_A", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}},
                     {"id": "call_B", "type": "function", "function": {"name": "get_time", "arguments": ""}}]},
                  {"role": "tool", "tool_call_id": "call_A", "content": "{\\"temp_c\\": 18}"},
                  {"role": "tool", "tool_call_id": "call_B", "content": [{"type": "text", "text": "14:00"}]},
                  {"role": "user", "content": "Thanks"}],
                 "tools": [
                  {"type": "function", "function": {"name": "get_weather", "description": "Current weather", "strict": true,
                    "parameters": {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                      "properties": {"city": {"type": "string", "format": "uri", "description": "City"},
                                     "unit": {"type": ["string", "null"], "enum": ["c", "f"]}},
                      "required": ["city"], "additionalProperties": false}}},
                  {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object", "properties": {}}}}],
                 "tool_choice": "required", "parallel_tool_calls": true,
                 "temperature": 0.2, "top_p": 0.9, "max_completion_tokens": 256, "stop": "END", "n": 1,
                 "response_format": {"type": "json_schema", "json_schema": {"name": "weather", "strict": true,
                   "schema": {"type": "object", "properties": {"t": {"type": "number"}}, "additionalProperties": false}}},
                 "stream_options": {"include_usage": true}, "user": "u-1"}
                """);

        OutboundRequest request = gemini.chat(chat, ENDPOINT);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).hasToString("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(request.headers()).isEqualTo(Map.of("x-goog-api-key", "AIzaSy-secret"));
        assertThat(Json.MAPPER.readTree(request.jsonBody())).isEqualTo(json("""
                {"systemInstruction": {"parts": [{"text": "You are a weather bot."}, {"text": "Answer in JSON."}]},
                 "contents": [
                  {"role": "user", "parts": [{"text": "Weather in Paris and Rome?"},
                     {"inlineData": {"mimeType": "image/png", "data": "iVBORw0KGgo="}},
                     {"fileData": {"mimeType": "image/jpeg", "fileUri": "https://example.com/map.JPG?size=2"}}]},
                  {"role": "model", "parts": [
                     {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}},
                     {"functionCall": {"name": "get_time", "args": {}}}]},
                  {"role": "user", "parts": [
                     {"functionResponse": {"name": "get_weather", "response": {"temp_c": 18}}},
                     {"functionResponse": {"name": "get_time", "response": {"result": "14:00"}}}]},
                  {"role": "user", "parts": [{"text": "Thanks"}]}],
                 "tools": [{"functionDeclarations": [
                  {"name": "get_weather", "description": "Current weather",
                   "parameters": {"type": "object",
                     "properties": {"city": {"type": "string", "description": "City"},
                                    "unit": {"type": "string", "nullable": true, "enum": ["c", "f"]}},
                     "required": ["city"]}},
                  {"name": "get_time"}]}],
                 "toolConfig": {"functionCallingConfig": {"mode": "ANY"}},
                 "generationConfig": {"temperature": 0.2, "topP": 0.9, "maxOutputTokens": 256, "stopSequences": ["END"],
                   "candidateCount": 1, "responseMimeType": "application/json",
                   "responseJsonSchema": {"type": "object", "properties": {"t": {"type": "number"}}, "additionalProperties": false}}}
                """));
    }

    @Test
    void aStreamGoesToTheSseEndpointAndTheKeyNeverToTheUrl() {
        Endpoint versioned = new Endpoint("https://generativelanguage.googleapis.com/v1beta/", "AIzaSy-secret", "gemini-2.5-pro");

        OutboundRequest request = gemini.chat(json("""
                {"model": "models/gemini-2.5-pro", "stream": true, "messages": [{"role": "user", "content": "Hi"}]}
                """), versioned);

        assertThat(request.uri()).hasToString(
                "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
        assertThat(request.uri().toString()).doesNotContain("key=").doesNotContain("AIzaSy");
        assertThat(request.headers()).containsEntry("x-goog-api-key", "AIzaSy-secret");
        assertThat(Json.MAPPER.readTree(request.jsonBody()))
                .isEqualTo(json("{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"Hi\"}]}]}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"auto\"|{\"mode\": \"AUTO\"}",
        "\"none\"|{\"mode\": \"NONE\"}",
        "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"}}|{\"mode\": \"ANY\", \"allowedFunctionNames\": [\"get_weather\"]}"})
    void toolChoiceBecomesAFunctionCallingMode(String choice, String config) {
        ObjectNode chat = json("{\"model\": \"gemini-2.5-flash\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
        chat.set("tool_choice", Json.MAPPER.readTree(choice));

        JsonNode body = Json.MAPPER.readTree(gemini.chat(chat, ENDPOINT).jsonBody());

        assertThat(body.path("toolConfig").path("functionCallingConfig")).isEqualTo(Json.MAPPER.readTree(config));
    }

    @Test
    void jsonObjectFormatAndMaxTokensAndStopListMapToGenerationConfig() {
        JsonNode body = Json.MAPPER.readTree(gemini.chat(json("""
                {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "Hi"}],
                 "max_tokens": 100, "stop": ["a", "b"], "response_format": {"type": "json_object"}}
                """), ENDPOINT).jsonBody());

        assertThat(body.get("generationConfig")).isEqualTo(json("""
                {"maxOutputTokens": 100, "stopSequences": ["a", "b"], "responseMimeType": "application/json"}
                """));
    }

    @Test
    void unparsableToolArgumentsAreAnErrorOnTheirField() {
        ObjectNode chat = json("""
                {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "Hi"},
                 {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}},
                   {"id": "call_2", "type": "function", "function": {"name": "f", "arguments": "{city: Paris"}}]}]}
                """);

        assertThatThrownBy(() -> gemini.chat(chat, ENDPOINT)).isInstanceOfSatisfying(WireException.class,
                e -> assertThat(e.param()).isEqualTo("messages[1].tool_calls[1].function.arguments"));
    }

    @Test
    void aToolResultForAnUnknownCallIsAnError() {
        ObjectNode chat = json("""
                {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "Hi"},
                 {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
                 {"role": "tool", "tool_call_id": "call_9", "content": "x"}]}
                """);

        assertThatThrownBy(() -> gemini.chat(chat, ENDPOINT)).isInstanceOfSatisfying(WireException.class,
                e -> assertThat(e.param()).isEqualTo("messages[2].tool_call_id"));
    }

    @Test
    void aThoughtSignatureInOurToolCallIdGoesBackOnTheFunctionCall() {
        String id = ToolCallIds.create("c2lnbmF0dXJlLWJ5dGVz+/8=");
        ObjectNode chat = json("""
                {"model": "gemini-3-pro-preview", "messages": [{"role": "user", "content": "Hi"},
                 {"role": "assistant", "tool_calls": [{"id": "%s", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
                 {"role": "tool", "tool_call_id": "%s", "content": "done"}]}
                """.formatted(id, id));

        JsonNode body = Json.MAPPER.readTree(gemini.chat(chat, ENDPOINT).jsonBody());

        assertThat(id).matches("call_[A-Za-z0-9]{24}_ts_[A-Za-z0-9_-]+");
        assertThat(body.path("contents").path(1).path("parts").path(0)).isEqualTo(json("""
                {"functionCall": {"name": "f", "args": {}}, "thoughtSignature": "c2lnbmF0dXJlLWJ5dGVz+/8="}
                """));
        assertThat(body.path("contents").path(2).path("parts").path(0).path("functionResponse").path("name").asString())
                .isEqualTo("f");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"ftp://x/y.png\"}}]}|messages[0].content[0].image_url.url",
        "{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png,abc\"}}]}|messages[0].content[0].image_url.url",
        "{\"role\": \"user\", \"content\": [{\"type\": \"video\"}]}|messages[0].content[0].type",
        "{\"role\": \"function\", \"content\": \"x\"}|messages[0].role"})
    void whatGeminiCannotTakeIsAnErrorOnItsField(String message, String param) {
        ObjectNode chat = json("{\"model\": \"gemini-2.5-flash\"}");
        chat.putArray("messages").add(Json.MAPPER.readTree(message));

        assertThatThrownBy(() -> gemini.chat(chat, ENDPOINT)).isInstanceOfSatisfying(WireException.class,
                e -> assertThat(e.param()).isEqualTo(param));
    }

    @Test
    void aModelNameThatWouldBendThePathIsRefused() {
        ObjectNode chat = json("{\"model\": \"../files?x=\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");

        assertThatThrownBy(() -> gemini.chat(chat, ENDPOINT)).isInstanceOfSatisfying(WireException.class,
                e -> assertThat(e.param()).isEqualTo("model"));
    }
}
