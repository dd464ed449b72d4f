package dev.quartermaster.identity;

import dev.quartermaster.identity.authentication.Authenticator;
import dev.quartermaster.identity.authentication.Credentials;
import dev.quartermaster.support.BenchServer;
import dev.quartermaster.support.TestSettings;
import java.util.Optional;
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

/** The per-request credential check for an API key (HMAC and cache lookups), on a real server. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApiKeyCheckBenchmark {

    ConfigurableApplicationContext server;
    Authenticator authenticator;
    Credentials key = new Credentials.ApiKey(TestSettings.ADMIN_KEY);

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = BenchServer.start();
        authenticator = server.getBean(Authenticator.class);
        authenticator.authenticate(key).orElseThrow();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    public Optional<Authenticator.Verified> checkApiKey() {
        return authenticator.authenticate(key);
    }
}
