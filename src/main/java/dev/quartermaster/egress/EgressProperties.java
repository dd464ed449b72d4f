package dev.quartermaster.egress;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code QM_EGRESS_ALLOW_PRIVATE}, {@code QM_EGRESS_CONNECT_TIMEOUT}, {@code QM_EGRESS_TIMEOUT}, {@code QM_EGRESS_MAX_CONNECTIONS}
 * (open upstream connections, streams included). */
@ConfigurationProperties("qm.egress")
record EgressProperties(@DefaultValue("true") boolean allowPrivate,
                        @DefaultValue("5s") Duration connectTimeout,
                        @DefaultValue("15s") Duration timeout,
                        @DefaultValue("1048576") int maxResponseBytes,
                        @DefaultValue("1000") int maxConnections) {
}
