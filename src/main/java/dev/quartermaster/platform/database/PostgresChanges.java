package dev.quartermaster.platform.database;

import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Topic;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Changes} over PostgreSQL {@code LISTEN/NOTIFY}. One dedicated connection listens; after it
 * (re)connects every topic is treated as changed, since notifications may have been missed.
 */
@Component
class PostgresChanges implements Changes, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresChanges.class);
    private static final String CHANNEL = "qm_changes";
    /** How the listener's session shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "qm-changes";
    private static final long HEARTBEAT_NANOS = 5_000_000_000L;

    private final String origin = UUID.randomUUID().toString();
    /** Per topic name: called with the key of a keyed change, or with null for "everything". */
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final ConnectionSettings settings;
    private volatile boolean running;
    private Thread listener;

    PostgresChanges(JdbcClient jdbc, ConnectionSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public void publish(Topic topic) {
        publish(topic, null);
    }

    @Override
    public void publish(Topic topic, String key) {
        String payload = origin + " " + topic.name() + (key == null ? "" : " " + key);
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query().listOfRows();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fire(topic.name(), key);
                }
            });
        } else {
            fire(topic.name(), key);
        }
    }

    @Override
    public void subscribe(Topic topic, Runnable listener) {
        subscribe(topic, key -> listener.run(), listener);
    }

    @Override
    public void subscribe(Topic topic, Consumer<String> one, Runnable all) {
        listeners.computeIfAbsent(topic.name(), t -> new CopyOnWriteArrayList<>()).add(key -> {
            if (key == null) {
                all.run();
            } else {
                one.accept(key);
            }
        });
    }

    private void fire(String topic, String key) {
        listeners.getOrDefault(topic, List.of()).forEach(listener -> listener.accept(key));
    }

    /** Every view dropped whole; one that fails does not keep the others from being dropped. */
    private void fireAll() {
        listeners.forEach((topic, list) -> list.forEach(listener -> {
            try {
                listener.accept(null);
            } catch (RuntimeException e) {
                log.error("a view of {} could not be dropped", topic, e);
            }
        }));
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("qm-changes").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        listener.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * A quiet connection can die without an error (a NAT or balancer dropping it), and then no
     * notification would ever come: a heartbeat query with a socket timeout turns that into an
     * error, and the reconnect treats everything as changed.
     */
    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(settings.url(), listenerProperties());
                 Statement heartbeat = connection.createStatement()) {
                heartbeat.execute("LISTEN " + CHANNEL);
                fireAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                long nextBeat = System.nanoTime() + HEARTBEAT_NANOS;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            onNotification(n.getParameter());
                        }
                    }
                    if (System.nanoTime() > nextBeat) {
                        heartbeat.execute("select 1");
                        nextBeat = System.nanoTime() + HEARTBEAT_NANOS;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("change listener lost its database connection; reconnecting: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    /**
     * {@code origin topic [key]}; this process already acted on its own changes. Any role that can
     * connect may NOTIFY, so a payload a view cannot read is logged and skipped, never fatal.
     */
    private void onNotification(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length < 2) {
            log.warn("skipped a change notification that is not 'origin topic [key]' ({} characters)", payload.length());
            return;
        }
        if (!parts[0].equals(origin)) {
            try {
                fire(parts[1], parts.length == 3 ? parts[2] : null);
            } catch (RuntimeException e) {
                log.warn("skipped a change notification of topic {} that its views could not read ({})",
                        parts[1].length() > 64 ? parts[1].substring(0, 64) + "…" : parts[1], e.getClass().getName());
            }
        }
    }

    private Properties listenerProperties() {
        Properties properties = new Properties();
        if (settings.username() != null) {
            properties.setProperty("user", settings.username());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("socketTimeout", "15");
        return properties;
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
