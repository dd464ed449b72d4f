/** The OpenAI-compatible models list ({@code /v1/models}, seed 003): pre-rendered per tier, with its fast path. */
package dev.quartermaster.openai;
