package dev.quartermaster.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.gateway.wire.Endpoint;
import dev.quartermaster.gateway.wire.Json;
import dev.quartermaster.gateway.wire.SseEvent;
import dev.quartermaster.gateway.wire.StreamDecoder;
import dev.quartermaster.gateway.wire.StreamError;
import dev.quartermaster.gateway.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Chat requests to Anthropic and its answers and streams back, by the rules peers get wrong. */
class AnthropicUpstreamTest {

    private static final Endpoint ENDPOINT = new Endpoint("https://api.anthropic.com", "sk-ant-test", "claude-up");
    private final AnthropicUpstream anthropic = new AnthropicUpstream();

    @Test
    void aChatBecomesAMessagesRequest() {
        OutboundRequest request = anthropic.chat(chat("""
                {"model": "x", "stop": "END", "tool_choice": "required", "user": "u1", "temperature": 0.5,
                 "tools": [{"type": "function", "function": {"name": "weather", "description": "Weather",
                            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}],
                 "messages": [
                  {"role": "system", "content": "Be brief."},
                  {"role": "developer", "content": [{"type": "text", "text": "Use tools."}]},
                  {"role": "user", "content": [{"type": "text", "text": "Weather in Oslo and Rome?"},
                                               {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBO"}}]},
                  {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "toolu_1", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Oslo\\"}"}},
                    {"id": "toolu_2", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Rome\\"}"}}]},
                  {"role": "tool", "tool_call_id": "toolu_1", "content": "rain"},
                  {"role": "tool", "tool_call_id": "toolu_2", "content": "sun"},
                  {"role": "user", "content": "Thanks"}]}"""), ENDPOINT);

        assertThat(request.uri()).hasToString("https://api.anthropic.com/v1/messages");
        assertThat(request.headers()).containsEntry("x-api-key", "sk-ant-test").containsEntry("anthropic-version", "2023-06-01");
        assertThat(Json.parse(request.jsonBody(), "body")).isEqualTo(Json.parse("""
                {"model": "claude-up", "max_tokens": 4096, "system": "Be brief.\\n\\nUse tools.",
                 "messages": [
                  {"role": "user", "content": [{"type": "text", "text": "Weather in Oslo and Rome?"},
                     {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}}]},
                  {"role": "assistant", "content": [
                     {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {"city": "Oslo"}},
                     {"type": "tool_use", "id": "toolu_2", "name": "weather", "input": {"city": "Rome"}}]},
                  {"role": "user", "content": [
                     {"type": "tool_result", "tool_use_id": "toolu_1", "content": "rain"},
                     {"type": "tool_result", "tool_use_id": "toolu_2", "content": "sun"},
                     {"type": "text", "text": "Thanks"}]}],
                 "tools": [{"name": "weather", "description": "Weather",
                            "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}}],
                 "tool_choice": {"type": "any"},
                 "temperature": 0.5, "stop_sequences": ["END"], "metadata": {"user_id": "u1"}}""", "expected"));
    }

    @Test
    void maxTokensIsTheClientsWhenGivenAndSeveralAnswersAreRefused() {
        JsonNode body = Json.parse(anthropic.chat(chat("""
                {"max_completion_tokens": 77, "stream": true, "messages": [{"role": "user", "content": "Hi"}]}"""),
                ENDPOINT).jsonBody(), "body");

        assertThat(body.get("max_tokens").intValue()).isEqualTo(77);
        assertThat(body.get("stream").booleanValue()).isTrue();
        assertThatThrownBy(() -> anthropic.chat(chat("{\"n\": 2, \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}"), ENDPOINT))
                .isInstanceOf(WireException.class).extracting(e -> ((WireException) e).param()).isEqualTo("n");
        assertThatThrownBy(() -> anthropic.chat(chat("""
                {"messages": [{"role": "assistant", "tool_calls": [{"id": "t", "function": {"name": "f", "arguments": "{oops"}}]}]}"""),
                ENDPOINT)).extracting(e -> ((WireException) e).param()).isEqualTo("messages[0].tool_calls[0].function.arguments");
    }

    @Test
    void aWholeAnswerMapsStopReasonsToolsAndUsage() {
        ObjectNode completion = anthropic.completion(Json.parse("""
                {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                 "content": [{"type": "text", "text": "Checking."},
                             {"type": "tool_use", "id": "toolu_9", "name": "weather", "input": {"city": "Oslo"}}],
                 "stop_reason": "tool_use", "stop_sequence": null,
                 "usage": {"input_tokens": 10, "cache_read_input_tokens": 5, "cache_creation_input_tokens": 2, "output_tokens": 7}}""",
                "answer"));

        assertThat(completion.get("id").stringValue()).isEqualTo("msg_01");
        assertThat(completion.get("model").stringValue()).isEqualTo("claude-sonnet-4-5");
        JsonNode choice = completion.at("/choices/0");
        assertThat(choice.get("finish_reason").stringValue()).isEqualTo("tool_calls");
        assertThat(choice.at("/message/content").stringValue()).isEqualTo("Checking.");
        assertThat(choice.at("/message/tool_calls/0/function/arguments").stringValue()).isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(Json.write(completion.get("usage"))).isEqualTo(same("""
                {"prompt_tokens": 17, "completion_tokens": 7, "total_tokens": 24, "prompt_tokens_details": {"cached_tokens": 5}}""", "u"));
        assertThat(StopReasons.toFinish("end_turn")).isEqualTo("stop");
        assertThat(StopReasons.toFinish("stop_sequence")).isEqualTo("stop");
        assertThat(StopReasons.toFinish("max_tokens")).isEqualTo("length");
    }

    @Test
    void aStreamWithSeveralToolsSplitFragmentsPingsAndALateMessageDelta() {
        List<ObjectNode> chunks = decode(anthropic.decoder(), List.of(
                ev("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_s1\",\"model\":\"claude-up\",\"content\":[],"
                        + "\"usage\":{\"input_tokens\":25,\"cache_read_input_tokens\":5,\"output_tokens\":1}}}"),
                ev("ping", "{\"type\":\"ping\"}"),
                ev("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                ev("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Ok\"}}"),
                ev("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                ev("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\","
                        + "\"id\":\"toolu_a\",\"name\":\"say\",\"input\":{}}}"),
                ev("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                        + "\"partial_json\":\"{\\\"w\\\": \\\"\\\\ud83d\"}}"),
                ev("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                        + "\"partial_json\":\"\\\\ude00 h\u00e9\\\"}\"}}"),
                ev("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"),
                ev("content_block_start", "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\","
                        + "\"id\":\"toolu_b\",\"name\":\"now\",\"input\":{}}}"),
                ev("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":2}"),
                ev("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":40}}"),
                ev("message_stop", "{\"type\":\"message_stop\"}")));

        assertThat(chunks).allSatisfy(c -> assertThat(c.get("id").stringValue()).isEqualTo("msg_s1"));
        assertThat(chunks.getFirst().at("/choices/0/delta/role").stringValue()).isEqualTo("assistant");
        assertThat(arguments(chunks, 0)).isEqualTo("{\"w\": \"\\ud83d\\ude00 h\u00e9\"}");
        assertThat(Json.parse(arguments(chunks, 0), "a").get("w").stringValue()).isEqualTo("\uD83D\uDE00 h\u00e9");
        assertThat(arguments(chunks, 1)).isEqualTo("{}");
        assertThat(chunks).anySatisfy(c -> assertThat(c.at("/choices/0/finish_reason").asString("")).isEqualTo("tool_calls"));
        assertThat(Json.write(chunks.getLast().get("usage"))).isEqualTo(same("""
                {"prompt_tokens": 30, "completion_tokens": 40, "total_tokens": 70, "prompt_tokens_details": {"cached_tokens": 5}}""", "u"));
    }

    @Test
    void anErrorEventAfterTheStartIsAStreamErrorAndATruncatedStreamIsNotFinished() {
        StreamDecoder decoder = anthropic.decoder();
        decode(decoder, List.of(ev("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"c\"}}"),
                ev("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\"}}")));

        assertThat(decoder.finished()).isFalse();
        assertThatThrownBy(() -> decoder.onEvent(ev("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")))
                .isInstanceOf(StreamError.class).hasMessage("Overloaded")
                .extracting(e -> ((StreamError) e).type()).isEqualTo("overloaded_error");
    }

    private static String arguments(List<ObjectNode> chunks, int tool) {
        StringBuilder arguments = new StringBuilder();
        for (ObjectNode chunk : chunks) {
            for (JsonNode call : chunk.at("/choices/0/delta/tool_calls")) {
                if (call.get("index").intValue() == tool) {
                    arguments.append(call.at("/function/arguments").asString(""));
                }
            }
        }
        return arguments.toString();
    }

    static List<ObjectNode> decode(StreamDecoder decoder, List<SseEvent> events) {
        List<ObjectNode> chunks = new ArrayList<>();
        events.forEach(e -> chunks.addAll(decoder.onEvent(e)));
        chunks.addAll(decoder.onEnd());
        return chunks;
    }

    static SseEvent ev(String name, String data) {
        return new SseEvent(name, data);
    }

    /** JSON text as the mapper writes it, so numbers compare by value whatever their Java type. */
    static String same(String json, String what) {
        return Json.write(Json.parse(json, what));
    }

    private static ObjectNode chat(String json) {
        return (ObjectNode) Json.parse(json, "chat");
    }
}
