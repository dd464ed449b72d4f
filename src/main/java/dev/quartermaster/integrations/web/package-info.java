/** HTTP adapters: the user's connections and defaults (seed 003, OpenAI error shape) and connection admin. */
@SnakeCaseJson
package dev.quartermaster.integrations.web;

import dev.quartermaster.platform.SnakeCaseJson;
