package dev.quartermaster.identity;

import dev.quartermaster.platform.StartupRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/** Verifies bearer JWTs (HS256 with {@code QM_JWT_SECRET}, or keys from {@code QM_JWT_JWKS_URI}); {@code sub} names the user. */
@Component
class JwtVerifier {

    private final JwtDecoder decoder;

    JwtVerifier(IdentityProperties properties) {
        this.decoder = decoder(properties.jwt());
    }

    Optional<String> subject(String token) {
        if (decoder == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(decoder.decode(token).getSubject());
        } catch (JwtException e) {
            return Optional.empty();
        }
    }

    private static JwtDecoder decoder(IdentityProperties.Jwt jwt) {
        if (jwt.secret() != null && !jwt.secret().isBlank()) {
            byte[] secret = jwt.secret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new StartupRefusedException("QM_JWT_SECRET must be at least 32 bytes for HS256");
            }
            return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        if (jwt.jwksUri() != null && !jwt.jwksUri().isBlank()) {
            return NimbusJwtDecoder.withJwkSetUri(jwt.jwksUri()).build();
        }
        return null;
    }
}
