package dev.quartermaster.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quartermaster.platform.Storage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one DataSource: the server at {@code QM_DATABASE_URL}, or PostgreSQL embedded in the data directory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfig {

    @Bean
    Storage storage(DatabaseProperties properties) {
        return new Storage(properties.dataDir().toAbsolutePath().normalize(), !properties.database().external());
    }

    @Bean(destroyMethod = "close")
    ConnectionSettings connectionSettings(DatabaseProperties properties) {
        return ConnectionSettings.of(properties);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(ConnectionSettings settings, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quartermaster");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(properties.database().poolSize());
        // a database out of reach is a 503 within seconds, not a request hanging on the pool
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        return new HikariDataSource(config);
    }
}
