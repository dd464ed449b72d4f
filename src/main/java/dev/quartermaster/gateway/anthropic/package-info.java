/**
 * Anthropic's Messages API on both sides of the hub: {@link dev.quartermaster.gateway.anthropic.AnthropicUpstream}
 * speaks it to Anthropic (chat request out, message or event stream back as chat completions), and
 * {@link dev.quartermaster.gateway.anthropic.MessagesDialect} reads it from clients such as anthropic-java
 * ({@code POST /v1/messages}) and writes their answers and streams. Everything else here is private to
 * those two: the request and answer translations, the stream decoder and encoder, and the mappings they
 * share (stop reasons, usage, the forced JSON tool).
 */
package dev.quartermaster.gateway.anthropic;
