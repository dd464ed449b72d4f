package dev.quartermaster.gateway.pipeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code QM_GATEWAY_*}: the deadlines of an upstream call (the connect timeout is the egress
 * client's), retries before the first byte, and the bounds of a stream's events.
 *
 * @param firstByte how long to wait for the upstream's answer to begin
 * @param idle the longest silence between two reads of a stream
 * @param total the longest a whole call may take, stream included
 * @param attempts upstream attempts per call (1 = no retries)
 * @param retryAfterCap the longest {@code Retry-After} honoured before a retry; longer ones end the retries
 * @param backoff the first retry's pause; each further one doubles it, jittered
 * @param maxEventBytes the largest upstream event read
 */
@ConfigurationProperties("qm.gateway")
public record GatewayProperties(@DefaultValue("60s") Duration firstByte, @DefaultValue("60s") Duration idle,
                                @DefaultValue("10m") Duration total, @DefaultValue("3") int attempts,
                                @DefaultValue("5s") Duration retryAfterCap, @DefaultValue("200ms") Duration backoff,
                                @DefaultValue("1048576") int maxEventBytes) {

    public GatewayProperties {
        if (attempts < 1) {
            throw new IllegalArgumentException("qm.gateway.attempts must be at least 1");
        }
    }
}
