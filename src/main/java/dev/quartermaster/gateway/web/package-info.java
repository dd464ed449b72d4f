/** The gateway's four routes and their error shapes: OpenAI's on {@code /v1/*}, Anthropic's on {@code /v1/messages}. */
package dev.quartermaster.gateway.web;
