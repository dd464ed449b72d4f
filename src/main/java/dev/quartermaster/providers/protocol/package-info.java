/** Each provider's wire protocol for a probe (OpenAI-compatible, Anthropic, Gemini, Ollama), and redaction of their answers. */
package dev.quartermaster.providers.protocol;
