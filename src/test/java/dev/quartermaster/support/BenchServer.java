package dev.quartermaster.support;

import dev.quartermaster.QuartermasterApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole server for a benchmark: embedded PostgreSQL in a fresh directory, a random port, quiet logs. */
public final class BenchServer {

    private BenchServer() {
    }

    public static ConfigurableApplicationContext start() throws Exception {
        Path data = Files.createTempDirectory("qm-bench-");
        return new SpringApplicationBuilder(QuartermasterApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--qm.data-dir=" + data,
                "--qm.master-key=" + TestSettings.MASTER_KEY,
                "--qm.bootstrap.admin-key=" + TestSettings.ADMIN_KEY,
                "--logging.level.root=WARN", "--logging.structured.format.console=");
    }
}
