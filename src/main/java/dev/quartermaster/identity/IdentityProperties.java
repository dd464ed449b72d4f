package dev.quartermaster.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code QM_BOOTSTRAP_ADMIN_KEY}, {@code QM_BOOTSTRAP_ADMIN_PASSWORD}, {@code QM_JWT_SECRET} or
 * {@code QM_JWT_JWKS_URI} (with {@code QM_JWT_ISSUER}, {@code QM_JWT_AUDIENCE}), and the throttle on failed sign-ins ({@code QM_AUTH_FAILURE_LIMIT} per
 * {@code QM_AUTH_FAILURE_WINDOW} and client address).
 */
@ConfigurationProperties("qm")
public record IdentityProperties(@DefaultValue Bootstrap bootstrap, @DefaultValue Jwt jwt, @DefaultValue Auth auth) {

    public record Bootstrap(String adminKey, String adminPassword) {

        @Override
        public String toString() {
            return "Bootstrap[****]";
        }
    }

    public record Jwt(String secret, String jwksUri, String issuer, String audience) {

        @Override
        public String toString() {
            return "Jwt[secret=" + (secret == null ? "none" : "****") + ", jwksUri=" + jwksUri + ", issuer=" + issuer
                    + ", audience=" + audience + "]";
        }
    }

    record Auth(@DefaultValue("10") int failureLimit, @DefaultValue("60s") Duration failureWindow) {
    }
}
