package dev.quartermaster.egress;

/** The status and (size-capped) body of an answer. */
public record OutboundResponse(int status, String body) {
}
