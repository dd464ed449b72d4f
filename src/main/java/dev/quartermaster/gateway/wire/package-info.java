/**
 * The wire formats the gateway speaks and the translations between them. The hub is OpenAI's
 * Chat Completions: every inbound dialect is read into a chat request, every upstream protocol
 * answers a chat completion (or a stream of chat chunks), and every dialect writes its own answer
 * from those. Pure functions over JSON trees: no I/O, no keys beyond the one placed in a header.
 */
package dev.quartermaster.gateway.wire;
