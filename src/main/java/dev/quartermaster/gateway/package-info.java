/**
 * The inference gateway: {@code /v1/chat/completions}, {@code /v1/responses}, {@code /v1/embeddings}
 * and {@code /v1/messages}, routed by the catalog to a provider profile, paid by the key the
 * accounts module resolves, translated between the dialects, streamed without buffering.
 */
package dev.quartermaster.gateway;
