/**
 * OpenAI's Responses API ({@code POST /v1/responses}) as an inbound dialect: its requests read into
 * the chat-completions hub, and chat completions and chunk streams written back as {@code response}
 * objects and Responses stream events. Stateless: nothing is stored between requests, so requests
 * that lean on stored state ({@code previous_response_id}, {@code conversation}) are refused.
 */
package dev.quartermaster.gateway.responses;
