package dev.quartermaster.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.Metadata;
import com.anthropic.models.messages.MessageCreateParams;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.WireException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MessagesDialectRequestTest {

    private final MessagesDialect dialect = new MessagesDialect();

    private ObjectNode chat(String request) {
        return dialect.toChat(Json.parse(request, "body"));
    }

    private WireException wireError(String request) {
        try {
            chat(request);
        } catch (WireException e) {
            return e;
        }
        throw new AssertionError("no WireException");
    }

    @Test
    void readsWhatAnthropicJavaSends() throws Exception {
        MessageCreateParams params = MessageCreateParams.builder()
                .model("claude-sonnet-4-5").maxTokens(1024).system("You are terse.")
                .addUserMessage("Hi").addAssistantMessage("Hello!").addUserMessage("Capital of France?")
                .addStopSequence("\n\nHuman:")
                .metadata(Metadata.builder().userId("user-7").build()).build();
        String body = ObjectMappers.jsonMapper().writeValueAsString(params._body());

        assertThat(chat(body)).hasToString("""
                {"model":"claude-sonnet-4-5","messages":[{"role":"system","content":"You are terse."},\
                {"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"},\
                {"role":"user","content":"Capital of France?"}],"max_tokens":1024,\
                "stop":["\\n\\nHuman:"],"user":"user-7"}""");
    }

    @Test
    void toolResultsComeFirstAsToolMessagesThenTheRestOfTheTurn() {
        ObjectNode chat = chat("""
                {"model": "claude-sonnet-4-5", "max_tokens": 1024, "stream": true,
                 "system": [{"type": "text", "text": "You are a weather bot."},
                            {"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
                 "messages": [
                   {"role": "user", "content": [
                     {"type": "text", "text": "Paris and Rome?"},
                     {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQ"}},
                     {"type": "image", "source": {"type": "url", "url": "https://example.com/map.png"}}]},
                   {"role": "assistant", "content": [
                     {"type": "thinking", "thinking": "Two calls.", "signature": "EqQBCgIYAhIM"},
                     {"type": "text", "text": "Checking."},
                     {"type": "tool_use", "id": "toolu_01A", "name": "weather", "input": {"city": "Paris"}},
                     {"type": "tool_use", "id": "toolu_01B", "name": "weather", "input": {"city": "Rome"}}]},
                   {"role": "user", "content": [
                     {"type": "tool_result", "tool_use_id": "toolu_01A", "content": "18C"},
                     {"type": "tool_result", "tool_use_id": "toolu_01B", "content": [{"type": "text", "text": "24C"}], "is_error": false},
                     {"type": "text", "text": "And tomorrow?"}]}]}""");

        assertThat(chat.get("messages")).hasToString("""
                [{"role":"system","content":[{"type":"text","text":"You are a weather bot."},{"type":"text","text":"Be brief."}]},\
                {"role":"user","content":[{"type":"text","text":"Paris and Rome?"},\
                {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}},\
                {"type":"image_url","image_url":{"url":"https://example.com/map.png"}}]},\
                {"role":"assistant","content":"Checking.","tool_calls":[\
                {"id":"toolu_01A","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},\
                {"id":"toolu_01B","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},\
                {"role":"tool","tool_call_id":"toolu_01A","content":"18C"},\
                {"role":"tool","tool_call_id":"toolu_01B","content":"24C"},\
                {"role":"user","content":[{"type":"text","text":"And tomorrow?"}]}]""");
        assertThat(chat.get("stream").asBoolean()).isTrue();
    }

    @Test
    void anAssistantTurnOfOnlyToolUseHasNullContent() {
        ObjectNode chat = chat("""
                {"model": "m", "max_tokens": 10, "messages": [{"role": "user", "content": "x"},
                  {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_1", "name": "now", "input": {}}]},
                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "noon"}]}]}""");

        assertThat(chat.at("/messages/1")).hasToString("""
                {"role":"assistant","content":null,"tool_calls":[{"id":"toolu_1","type":"function","function":{"name":"now","arguments":"{}"}}]}""");
        assertThat(chat.get("messages")).hasSize(3);
    }

    @Test
    void toolsAndToolChoice() {
        String tools = """
                "tools": [{"name": "weather", "description": "Weather now",
                  "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}]""";
        String base = "{\"model\": \"m\", \"max_tokens\": 10, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}], " + tools;

        assertThat(chat(base + "}").get("tools")).hasToString("""
                [{"type":"function","function":{"name":"weather","description":"Weather now","parameters":\
                {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]""");
        assertThat(chat(base + "}").has("tool_choice")).isFalse();
        assertThat(chat(base + ", \"tool_choice\": {\"type\": \"auto\"}}").get("tool_choice").asString()).isEqualTo("auto");
        assertThat(chat(base + ", \"tool_choice\": {\"type\": \"any\"}}").get("tool_choice").asString()).isEqualTo("required");
        assertThat(chat(base + ", \"tool_choice\": {\"type\": \"none\"}}").get("tool_choice").asString()).isEqualTo("none");
        ObjectNode forced = chat(base + ", \"tool_choice\": {\"type\": \"tool\", \"name\": \"weather\", \"disable_parallel_tool_use\": true}}");
        assertThat(forced.get("tool_choice")).hasToString("{\"type\":\"function\",\"function\":{\"name\":\"weather\"}}");
        assertThat(forced.get("parallel_tool_calls").asBoolean(true)).isFalse();
    }

    @Test
    void malformedRequestsNameTheFieldInAnthropicsDottedForm() {
        String ok = "\"model\": \"m\", \"max_tokens\": 10";
        assertThat(wireError("{" + ok + "}").param()).isEqualTo("messages");
        assertThat(wireError("{" + ok + ", \"messages\": []}").param()).isEqualTo("messages");
        assertThat(wireError("{" + ok + ", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}, {\"role\": \"system\", \"content\": \"y\"}]}")
                .param()).isEqualTo("messages.1.role");
        assertThat(wireError("{" + ok + ", \"messages\": [{\"role\": \"user\"}]}").param()).isEqualTo("messages.0.content");
        assertThat(wireError("{" + ok + ", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"a\"},"
                + " {\"type\": \"document\", \"source\": {\"type\": \"text\", \"media_type\": \"text/plain\", \"data\": \"d\"}}]}]}")
                .param()).isEqualTo("messages.0.content.1.type");
        assertThat(wireError("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}").param()).isEqualTo("max_tokens");
        assertThat(wireError("{\"model\": \"m\", \"max_tokens\": 0, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}").param())
                .isEqualTo("max_tokens");
        assertThat(wireError("{\"model\": \"m\", \"max_tokens\": \"100\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}").param())
                .isEqualTo("max_tokens");
        assertThat(wireError("{\"max_tokens\": 10, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}").param()).isEqualTo("model");
        assertThat(wireError("{" + ok + ", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}],"
                + " \"tools\": [{\"type\": \"web_search_20250305\", \"name\": \"web_search\"}]}").param()).isEqualTo("tools.0.type");
        assertThat(wireError("{" + ok + ", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"tool_result\"}]}]}").param())
                .isEqualTo("messages.0.content.0.tool_use_id");
    }

    @Test
    void samplingIsKeptAndFieldsTheHubHasNoPlaceForAreDropped() {
        JsonNode chat = chat("""
                {"model": "m", "max_tokens": 10, "top_k": 5, "temperature": 0.3, "top_p": 0.9, "thinking": {"type": "enabled", "budget_tokens": 2048},
                 "service_tier": "auto", "messages": [{"role": "user", "content": "x"}]}""");

        assertThat(chat).hasToString("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":10,"temperature":0.3,"top_p":0.9}""");
    }
}
