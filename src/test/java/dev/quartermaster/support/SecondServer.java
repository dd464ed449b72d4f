package dev.quartermaster.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.quartermaster.QuartermasterApplication;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another server process in all but name: a second application context, with its own caches and
 * listener, on the same database as the test server, as when several servers sit behind a balancer.
 */
public final class SecondServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    public SecondServer(DataSource sharedDatabase) {
        HikariDataSource hikari = (HikariDataSource) sharedDatabase;
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--qm.database.url=" + hikari.getJdbcUrl(),
                "--qm.master-key=" + TestSettings.MASTER_KEY,
                "--qm.bootstrap.admin-key=" + TestSettings.ADMIN_KEY,
                "--qm.jwt.secret=" + TestSettings.JWT_SECRET,
                "--qm.data-dir=target/test-data/" + Names.unique("second"),
                "--logging.structured.format.console=",
                "--qm.providers.test-timeout=2s"));
        for (String provider : List.of("openai/v1", "anthropic", "gemini", "mistral/v1", "ollama")) {
            String name = provider.replace("/v1", "");
            args.add("--qm.providers." + name + ".base-url=" + ProviderFakes.server().url() + "/" + provider);
        }
        if (hikari.getUsername() != null) {
            args.add("--qm.database.username=" + hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            args.add("--qm.database.password=" + hikari.getPassword());
        }
        this.context = new SpringApplicationBuilder(QuartermasterApplication.class).run(args.toArray(String[]::new));
    }

    public TestApi api() {
        return TestApi.at(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
