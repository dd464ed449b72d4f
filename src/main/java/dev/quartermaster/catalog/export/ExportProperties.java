package dev.quartermaster.catalog.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one user and one server may spend on exports: {@code QM_EXPORTS_CONCURRENT_PER_USER} at once
 * and {@code QM_EXPORTS_PER_USER_PER_HOUR} in any hour (429 beyond), {@code QM_EXPORTS_SERVER_CONCURRENCY}
 * running at once in this server, each holding one database connection (503 beyond), and
 * {@code QM_EXPORTS_RETENTION}, after which an export is deleted.
 */
@ConfigurationProperties("qm.exports")
public record ExportProperties(@DefaultValue("1") int concurrentPerUser, @DefaultValue("20") int perUserPerHour,
                               @DefaultValue("2") int serverConcurrency, @DefaultValue("24h") Duration retention) {

    public ExportProperties {
        if (concurrentPerUser < 1 || perUserPerHour < 1 || serverConcurrency < 1) {
            throw new IllegalArgumentException("qm.exports limits must be at least 1");
        }
        if (retention == null || retention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("qm.exports.retention must be at least a minute, not " + retention);
        }
    }
}
