package dev.quartermaster.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Console sessions: a session ends after {@code QM_SESSION_IDLE_TIMEOUT} without a request, and
 * {@code QM_SESSION_ABSOLUTE_TIMEOUT} after sign-in whatever happens.
 */
@ConfigurationProperties("qm.session")
public record SessionProperties(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("12h") Duration absoluteTimeout) {

    public SessionProperties {
        if (idleTimeout.toSeconds() < 1 || absoluteTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("qm.session timeouts must be at least one second");
        }
    }
}
