package dev.quartermaster.accounts;

import dev.quartermaster.providers.ProviderType;
import dev.quartermaster.support.BenchServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Key resolution as later inference will call it, on a real server with 10,000 users (half with
 * BYOK keys) and managed profiles: after the first call per user it must not touch the database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KeyResolutionBenchmark {

    private static final int USERS = 10_000;
    private static final ProviderType[] PROVIDERS = ProviderType.values();

    ConfigurableApplicationContext server;
    KeyResolver resolver;
    List<UUID> users = new ArrayList<>();
    int next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = BenchServer.start();
        resolver = server.getBean(KeyResolver.class);
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        users = jdbc.sql("""
                insert into users (username, tier) select 'bench-' || i, case when i % 2 = 0 then 'pro' else 'free' end
                  from generate_series(1, ?) i returning id
                """).param(USERS).query(UUID.class).list();
        jdbc.sql("""
                insert into byok_keys (user_id, provider, valid)
                select id, 'openai', true from users where username like 'bench-%' and right(username, 1) in ('1', '3', '5')
                """).update();
        jdbc.sql("""
                insert into provider_profiles (provider, model, has_key) values ('openai', 'gpt-4o', true),
                       ('anthropic', 'claude', true), ('gemini', 'gemini', true)
                """).update();
        for (UUID user : users) {
            resolver.resolve(user, "pro", ProviderType.OPENAI);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    public KeyResolution resolve() {
        int i = next++;
        UUID user = users.get(i % USERS);
        return resolver.resolve(user, (i & 1) == 0 ? "pro" : "free", PROVIDERS[i % PROVIDERS.length]);
    }
}
