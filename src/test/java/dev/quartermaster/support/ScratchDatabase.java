package dev.quartermaster.support;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh, migrated database on the same PostgreSQL server as the test server, for tests that
 * change server-wide state (such as the master key) and must not disturb the shared one.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private final JdbcClient admin;
    private final String name;
    private final SimpleDriverDataSource dataSource;

    public ScratchDatabase(DataSource serverDataSource) {
        this(serverDataSource, null);
    }

    /** Migrated up to {@code version} only (null: all of them); {@link #migrate()} takes it the rest of the way. */
    public ScratchDatabase(DataSource serverDataSource, String version) {
        HikariDataSource hikari = (HikariDataSource) serverDataSource;
        this.admin = JdbcClient.create(serverDataSource);
        this.name = Names.unique("scratch").replace('-', '_');
        admin.sql("create database " + name).update();
        Matcher url = URL.matcher(hikari.getJdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("unexpected JDBC URL form");
        }
        this.dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url.group(1) + name + url.group(3),
                hikari.getUsername(), hikari.getPassword());
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        (version == null ? flyway : flyway.target(version)).load().migrate();
    }

    public void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public String url() {
        return dataSource.getUrl();
    }

    public String username() {
        return dataSource.getUsername();
    }

    public String password() {
        return dataSource.getPassword();
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Drops the database. An autovacuum worker in it runs as a superuser, whom an ordinary role may
     * not terminate, so the drop fails until the worker is done: tried again for up to 10 s.
     */
    @Override
    public void close() {
        if (!Await.until(this::dropped, Duration.ofSeconds(10))) {
            admin.sql("drop database if exists " + name + " with (force)").update();   // fails, saying why
        }
    }

    private boolean dropped() {
        try {
            admin.sql("drop database if exists " + name + " with (force)").update();
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }
}
