package dev.quartermaster.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several servers as OS processes (the packaged jar) on one PostgreSQL: an embedded one started
 * for the test on its own, so nothing needs to be installed. The test reads the database directly
 * through {@link #jdbc()}. Close it to kill the servers and stop the database.
 */
public final class ServerCluster implements AutoCloseable {

    private EmbeddedPostgres postgres;
    private final List<ServerProcess> servers = new ArrayList<>();
    private final DriverManagerDataSource dataSource;
    private final Path root;
    private final Map<String, String> env;

    private ServerCluster(EmbeddedPostgres postgres, Path root, Map<String, String> env) {
        this.postgres = postgres;
        this.root = root;
        this.env = env;
        this.dataSource = new DriverManagerDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /** {@code env}: settings every server gets beside the database, the master key and the admin key. */
    public static ServerCluster start(int servers, Map<String, String> env) {
        try {
            Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "cluster-")
                    .toAbsolutePath();
            EmbeddedPostgres postgres = database(root, 0);
            Map<String, String> all = new HashMap<>(env);
            all.put("QM_DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"));
            all.put("QM_DATABASE_USERNAME", "postgres");
            all.put("QM_DATABASE_PASSWORD", "");
            all.put("QM_MASTER_KEY", TestSettings.MASTER_KEY);
            all.put("QM_BOOTSTRAP_ADMIN_KEY", TestSettings.ADMIN_KEY);
            ServerCluster cluster = new ServerCluster(postgres, root, Map.copyOf(all));
            for (int i = 0; i < servers; i++) {
                cluster.add();   // one after another: the first migrates the database
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add() throws IOException {
        Path dataDir = Files.createDirectories(root.resolve("server-" + servers.size()));
        servers.add(ServerProcess.start(dataDir, env).awaitHealthy());
    }

    /** The database in {@code root}: initialised on first start, kept when stopped (the directory goes with target/). */
    private static EmbeddedPostgres database(Path root, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(root.resolve("postgres"))
                .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60));
        return (port == 0 ? builder : builder.setPort(port)).start();
    }

    /** Stops the database under the running servers (a fast shutdown: their connections are cut). */
    public void stopDatabase() throws IOException {
        postgres.close();
    }

    /** Starts the stopped database again, on its port and data. */
    public void startDatabase() throws IOException {
        postgres = database(root, postgres.getPort());
    }

    public ServerProcess server(int i) {
        return servers.get(i);
    }

    public TestApi admin(int i) {
        return servers.get(i).api().withKey(TestSettings.ADMIN_KEY);
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() throws Exception {
        for (ServerProcess server : servers) {
            server.close();
        }
        postgres.close();
    }
}
