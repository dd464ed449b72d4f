/** OpenAI's Chat Completions as an upstream protocol (OpenAI, Mistral, OpenAI-compatible servers, Ollama's /v1) and as the inbound dialect. */
package dev.quartermaster.gateway.openai;
