/**
 * Google's Gemini API ({@code generateContent}, {@code streamGenerateContent?alt=sse},
 * {@code batchEmbedContents}) spoken from the chat-completions hub: {@link GeminiUpstream} is the
 * one public entry; the rest are its package-private translations (request, answer, stream,
 * embeddings, tool schemas, tool-call ids). The key travels only in {@code x-goog-api-key}, never
 * in the URL, where it would end up in access logs.
 */
package dev.quartermaster.gateway.gemini;
