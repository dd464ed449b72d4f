/**
 * Integration connections (a user's or group's GitHub, Linear, …) and each user's preferred default
 * per integration (seed 003). Its services are this package; its HTTP adapters are in {@code web}.
 */
@SnakeCaseJson
package dev.quartermaster.integrations;

import dev.quartermaster.platform.SnakeCaseJson;
