package dev.quartermaster.identity.authentication;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import dev.quartermaster.egress.Egress;
import dev.quartermaster.egress.EgressException;
import dev.quartermaster.egress.OutboundRequest;
import dev.quartermaster.egress.OutboundResponse;
import dev.quartermaster.identity.IdentityProperties;
import dev.quartermaster.platform.StartupRefusedException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Verifies bearer JWTs: HS256 with {@code QM_JWT_SECRET}, or signatures by the keys published at
 * {@code QM_JWT_JWKS_URI} (fetched through the egress client, cached). A token must carry an expiry;
 * issuer and audience are required when configured. {@code sub} names the user, exactly.
 */
@Component
public class JwtVerifier {

    private final NimbusJwtDecoder decoder;

    public JwtVerifier(IdentityProperties properties, Egress egress) {
        IdentityProperties.Jwt jwt = properties.jwt();
        this.decoder = decoder(jwt, egress);
        if (decoder != null) {
            decoder.setJwtValidator(validator(jwt));
        }
    }

    public Optional<String> subject(String token) {
        if (decoder == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(decoder.decode(token).getSubject());
        } catch (JwtException e) {
            return Optional.empty();
        }
    }

    private static NimbusJwtDecoder decoder(IdentityProperties.Jwt jwt, Egress egress) {
        if (jwt.secret() != null && !jwt.secret().isBlank()) {
            byte[] secret = jwt.secret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new StartupRefusedException("QM_JWT_SECRET must be at least 32 bytes for HS256");
            }
            return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        if (jwt.jwksUri() != null && !jwt.jwksUri().isBlank()) {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(url(jwt.jwksUri()),
                    url -> fetch(egress, url)).build();
            return NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithms(algorithms -> algorithms.addAll(List.of(
                    SignatureAlgorithm.RS256, SignatureAlgorithm.RS384, SignatureAlgorithm.RS512,
                    SignatureAlgorithm.PS256, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384))).build();
        }
        return null;
    }

    /**
     * Expiry is required (Spring's default lets a token without {@code exp} live forever); {@code exp}
     * and {@code nbf} are checked with Spring's clock skew of 60 seconds; issuer and audience, when
     * configured, must be present and match.
     */
    private static OAuth2TokenValidator<Jwt> validator(IdentityProperties.Jwt jwt) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        if (jwt.issuer() != null && !jwt.issuer().isBlank()) {
            validators.add(new JwtIssuerValidator(jwt.issuer()));
        }
        if (jwt.audience() != null && !jwt.audience().isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(jwt.audience())));
        }
        return JwtValidators.createDefaultWithValidators(validators);
    }

    private static Resource fetch(Egress egress, URL url) throws IOException {
        try {
            OutboundResponse response = egress.send(new OutboundRequest("GET", URI.create(url.toString()),
                    Map.of("Accept", "application/json"), null));
            if (response.status() != 200) {
                throw new IOException("the JWKS endpoint answered HTTP " + response.status());
            }
            return new Resource(response.body(), "application/json");
        } catch (EgressException e) {
            throw new IOException(e.getMessage());
        }
    }

    private static URL url(String jwksUri) {
        try {
            return URI.create(jwksUri).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new StartupRefusedException("QM_JWT_JWKS_URI is not a valid URL");
        }
    }
}
