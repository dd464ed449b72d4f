package dev.quartermaster.support;

import dev.quartermaster.QuartermasterApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole server on a random loopback port, over a real PostgreSQL: the embedded one in a fresh
 * data directory, or the server named by {@code QM_DATABASE_URL} when that is set. Every test class
 * uses the same settings so that they share one running server. A {@link TestApi} parameter of a test
 * or set-up method is a client for that server ({@link ServerApi}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = QuartermasterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "qm.data-dir=target/test-data/${random.uuid}",
                "qm.master-key=" + TestSettings.MASTER_KEY,
                "qm.bootstrap.admin-key=" + TestSettings.ADMIN_KEY,
                "qm.jwt.secret=" + TestSettings.JWT_SECRET,
                "server.address=127.0.0.1",
                "qm.providers.test-timeout=2s",
                "qm.providers.openai.base-url=${qm.test.provider-fakes}/openai/v1",
                "qm.providers.anthropic.base-url=${qm.test.provider-fakes}/anthropic",
                "qm.providers.gemini.base-url=${qm.test.provider-fakes}/gemini",
                "qm.providers.mistral.base-url=${qm.test.provider-fakes}/mistral/v1",
                "qm.providers.ollama.base-url=${qm.test.provider-fakes}/ollama",
                "logging.structured.format.console=",
        })
@ExtendWith(ServerApi.class)
public @interface QuartermasterTest {
}
