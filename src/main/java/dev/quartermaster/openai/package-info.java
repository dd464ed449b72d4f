/** The OpenAI-compatible models list ({@code /v1/models}, seed 003): pre-rendered per tier, with its fast path. */
@SnakeCaseJson
package dev.quartermaster.openai;

import dev.quartermaster.platform.SnakeCaseJson;
