package dev.quartermaster.egress;

import java.time.Duration;

/**
 * The deadlines of a streamed call: the answer's headers must come within {@code firstByte}, no
 * gap between two reads may exceed {@code idle}, and the whole call ends by {@code total}. The
 * connect timeout is the client's ({@code QM_EGRESS_CONNECT_TIMEOUT}).
 */
public record StreamTimeouts(Duration firstByte, Duration idle, Duration total) {
}
