/**
 * Anthropic's Messages API both ways: as an upstream spoken from the chat hub, and as the inbound
 * dialect of {@code POST /v1/messages} read into the hub and written back.
 */
package dev.quartermaster.gateway.anthropic;
