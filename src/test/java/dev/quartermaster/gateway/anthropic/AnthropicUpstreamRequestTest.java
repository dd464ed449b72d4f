package dev.quartermaster.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.models.messages.MessageCreateParams;
import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.gateway.wire.Endpoint;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AnthropicUpstreamRequestTest {

    private static final Endpoint ENDPOINT = new Endpoint("https://api.anthropic.com", "sk-ant-test", "claude-sonnet-4-5");
    private final AnthropicUpstream upstream = new AnthropicUpstream();

    private JsonNode body(String chat) {
        OutboundRequest request = upstream.chat((ObjectNode) Json.parse(chat, "body"), ENDPOINT);
        JsonNode body = Json.parse(request.jsonBody(), "body");
        // what we send must be a request Anthropic's own SDK accepts
        MessageCreateParams.Body parsed = com.anthropic.core.ObjectMappers.jsonMapper()
                .convertValue(sdkTree(request.jsonBody()), MessageCreateParams.Body.class);
        parsed.validate();
        return body;
    }

    private static com.fasterxml.jackson.databind.JsonNode sdkTree(String json) {
        try {
            return com.anthropic.core.ObjectMappers.jsonMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static WireException wireError(String chat) {
        try {
            new AnthropicUpstream().chat((ObjectNode) Json.parse(chat, "body"), ENDPOINT);
        } catch (WireException e) {
            return e;
        }
        throw new AssertionError("no WireException");
    }

    @Test
    void postsToV1MessagesWithTheKeyAndVersionHeaders() {
        for (String base : new String[] {"https://api.anthropic.com", "https://api.anthropic.com/", "https://api.anthropic.com/v1",
                "https://api.anthropic.com/v1/"}) {
            OutboundRequest request = upstream.chat((ObjectNode) Json.parse("""
                    {"model": "claude-sonnet-4-5", "messages": [{"role": "user", "content": "Hi"}]}""", "body"),
                    new Endpoint(base, "sk-ant-test", "claude-sonnet-4-5"));

            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri()).hasToString("https://api.anthropic.com/v1/messages");
            assertThat(request.headers()).containsEntry("x-api-key", "sk-ant-test").containsEntry("anthropic-version", "2023-06-01");
        }
    }

    @Test
    void systemAndDeveloperMessagesBecomeTheTopLevelSystem() {
        JsonNode body = body("""
                {"model": "claude-sonnet-4-5", "messages": [
                  {"role": "system", "content": "You are terse."},
                  {"role": "user", "content": "Hi"},
                  {"role": "developer", "content": [{"type": "text", "text": "Answer in French."}]}]}""");

        assertThat(body.get("system")).hasToString("""
                [{"type":"text","text":"You are terse."},{"type":"text","text":"Answer in French."}]""");
        assertThat(body.get("messages")).hasToString("""
                [{"role":"user","content":[{"type":"text","text":"Hi"}]}]""");
        assertThat(body.get("max_tokens").asLong()).isEqualTo(AnthropicUpstream.DEFAULT_MAX_TOKENS);
        assertThat(body.get("model").asString()).isEqualTo("claude-sonnet-4-5");
    }

    @Test
    void oneSystemMessageIsAString() {
        JsonNode body = body("""
                {"model": "m", "max_completion_tokens": 300, "max_tokens": 100,
                 "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]}""");

        assertThat(body.get("system").asString()).isEqualTo("Be brief.");
        assertThat(body.get("max_tokens").asLong()).isEqualTo(300);
    }

    @Test
    void toolCallsBecomeToolUseAndConsecutiveToolMessagesOneUserTurnOfResults() {
        JsonNode body = body("""
                {"model": "m", "max_tokens": 512, "messages": [
                  {"role": "user", "content": "Weather in Paris and Rome?"},
                  {"role": "assistant", "content": "Checking.", "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Paris\\"}"}},
                    {"id": "call_2", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Rome\\"}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "18C"},
                  {"role": "tool", "tool_call_id": "call_2", "content": [{"type": "text", "text": "24C"}]},
                  {"role": "user", "content": "Thanks"}]}""");

        assertThat(body.get("messages")).hasToString("""
                [{"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome?"}]},\
                {"role":"assistant","content":[{"type":"text","text":"Checking."},\
                {"type":"tool_use","id":"call_1","name":"weather","input":{"city":"Paris"}},\
                {"type":"tool_use","id":"call_2","name":"weather","input":{"city":"Rome"}}]},\
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"18C"},\
                {"type":"tool_result","tool_use_id":"call_2","content":"24C"},{"type":"text","text":"Thanks"}]}]""");
    }

    @Test
    void unparsableToolArgumentsNameTheField() {
        WireException error = wireError("""
                {"model": "m", "messages": [{"role": "user", "content": "x"},
                  {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": "a", "arguments": "{}"}},
                    {"id": "call_2", "type": "function", "function": {"name": "b", "arguments": "{\\"city\\":"}}]}]}""");

        assertThat(error.param()).isEqualTo("messages[1].tool_calls[1].function.arguments");
    }

    @Test
    void emptyArgumentsAreAnEmptyInput() {
        JsonNode body = body("""
                {"model": "m", "messages": [{"role": "user", "content": "x"},
                  {"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {"name": "now", "arguments": ""}}]},
                  {"role": "tool", "tool_call_id": "c", "content": "noon"}]}""");

        assertThat(body.at("/messages/1/content/0/input")).hasToString("{}");
    }

    @Test
    void toolsToolChoiceAndParallelism() {
        String tools = """
                "tools": [{"type": "function", "function": {"name": "weather", "description": "Weather now",
                  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]""";
        String base = "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}], " + tools;

        assertThat(body(base + "}").get("tools")).hasToString("""
                [{"name":"weather","description":"Weather now","input_schema":\
                {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]""");
        assertThat(body(base + ", \"tool_choice\": \"auto\"}").get("tool_choice")).hasToString("{\"type\":\"auto\"}");
        assertThat(body(base + ", \"tool_choice\": \"required\"}").get("tool_choice")).hasToString("{\"type\":\"any\"}");
        assertThat(body(base + ", \"tool_choice\": \"none\"}").get("tool_choice")).hasToString("{\"type\":\"none\"}");
        assertThat(body(base + ", \"tool_choice\": {\"type\": \"function\", \"function\": {\"name\": \"weather\"}}}")
                .get("tool_choice")).hasToString("{\"type\":\"tool\",\"name\":\"weather\"}");
        assertThat(body(base + ", \"parallel_tool_calls\": false}").get("tool_choice"))
                .hasToString("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}");
        assertThat(body(base + ", \"tool_choice\": \"required\", \"parallel_tool_calls\": false}").get("tool_choice"))
                .hasToString("{\"type\":\"any\",\"disable_parallel_tool_use\":true}");
    }

    @Test
    void stopUserSamplingAndStream() {
        JsonNode body = body("""
                {"model": "m", "messages": [{"role": "user", "content": "x"}], "stop": "END", "user": "user-42",
                 "temperature": 0.2, "top_p": 0.9, "n": 1, "stream": true, "stream_options": {"include_usage": true},
                 "frequency_penalty": 0.5, "seed": 7}""");

        assertThat(body.get("stop_sequences")).hasToString("[\"END\"]");
        assertThat(body.get("metadata")).hasToString("{\"user_id\":\"user-42\"}");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.has("stream_options") || body.has("seed") || body.has("frequency_penalty") || body.has("n")).isFalse();
        assertThat(body("""
                {"model": "m", "messages": [{"role": "user", "content": "x"}], "stop": ["a", "b"]}""")
                .get("stop_sequences")).hasToString("[\"a\",\"b\"]");
    }

    @Test
    void severalChoicesAreRefused() {
        assertThat(wireError("""
                {"model": "m", "messages": [{"role": "user", "content": "x"}], "n": 2}""").param()).isEqualTo("n");
    }

    @Test
    void badMaxTokensNamesTheFieldTheClientUsed() {
        assertThat(wireError("""
                {"model": "m", "messages": [{"role": "user", "content": "x"}], "max_completion_tokens": 0}""").param())
                .isEqualTo("max_completion_tokens");
    }

    @Test
    void imagePartsBecomeBase64OrUrlSources() {
        JsonNode body = body("""
                {"model": "m", "messages": [{"role": "user", "content": [
                  {"type": "text", "text": "Compare"},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                  {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg", "detail": "high"}}]}]}""");

        assertThat(body.at("/messages/0/content")).hasToString("""
                [{"type":"text","text":"Compare"},\
                {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},\
                {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}]""");
    }

    @Test
    void unsupportedPartsAndRolesNameTheField() {
        assertThat(wireError("""
                {"model": "m", "messages": [{"role": "user", "content": [
                  {"type": "text", "text": "hi"}, {"type": "input_audio", "input_audio": {"data": "x", "format": "wav"}}]}]}""")
                .param()).isEqualTo("messages[0].content[1].type");
        assertThat(wireError("""
                {"model": "m", "messages": [{"role": "user", "content": [
                  {"type": "image_url", "image_url": {"url": "file:///etc/passwd"}}]}]}""")
                .param()).isEqualTo("messages[0].content[0].image_url.url");
        assertThat(wireError("""
                {"model": "m", "messages": [{"role": "function", "content": "x", "name": "f"}]}""")
                .param()).isEqualTo("messages[0].role");
        assertThat(wireError("""
                {"model": "m", "messages": [{"role": "tool", "content": "x"}]}""")
                .param()).isEqualTo("messages[0].tool_call_id");
        assertThat(wireError("""
                {"model": "m", "messages": [{"role": "system", "content": "only a system prompt"}]}""")
                .param()).isEqualTo("messages");
    }

    @Test
    void aJsonSchemaResponseFormatIsOneForcedTool() {
        JsonNode body = body("""
                {"model": "m", "messages": [{"role": "user", "content": "x"}], "response_format": {"type": "json_schema",
                  "json_schema": {"name": "city", "schema": {"type": "object", "properties": {"name": {"type": "string"}}}}}}""");

        assertThat(body.get("tools")).hasToString("""
                [{"name":"quartermaster_json_answer","description":"Give the answer as this tool's input. ",\
                "input_schema":{"type":"object","properties":{"name":{"type":"string"}}}}]""");
        assertThat(body.get("tool_choice")).hasToString("""
                {"type":"tool","name":"quartermaster_json_answer","disable_parallel_tool_use":true}""");
        assertThat(wireError("""
                {"model": "m", "messages": [{"role": "user", "content": "x"}], "response_format": {"type": "json_object"},
                 "tools": [{"type": "function", "function": {"name": "f"}}]}""").param()).isEqualTo("response_format");
    }
}
