package dev.quartermaster.catalog.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes exports older than {@link ExportProperties#retention()}, with their bytes. Every server
 * sweeps; a row deleted twice is simply not there the second time.
 */
@Component
public class ExportRetention {

    private static final Logger log = LoggerFactory.getLogger(ExportRetention.class);

    private final JdbcClient jdbc;
    private final ExportProperties properties;

    ExportRetention(JdbcClient jdbc, ExportProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The number of exports deleted. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    public int sweep() {
        int deleted = jdbc.sql("delete from catalog_uploads where created_at < now() - make_interval(secs => ?)")
                .param(properties.retention().toSeconds()).update();
        if (deleted > 0) {
            log.info("deleted {} exports older than {}", deleted, properties.retention());
        }
        return deleted;
    }
}
