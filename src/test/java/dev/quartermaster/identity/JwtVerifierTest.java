package dev.quartermaster.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.quartermaster.egress.Egress;
import dev.quartermaster.identity.authentication.JwtVerifier;
import dev.quartermaster.support.FakeServer;
import dev.quartermaster.support.QuartermasterTest;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

/** JWTs signed by keys a JWKS endpoint publishes, fetched through the egress client; issuer and audience checked. */
@QuartermasterTest
class JwtVerifierTest {

    @Autowired
    Egress egress;

    final RSAKey signing = generate("signing");
    final RSAKey stranger = generate("stranger");
    final FakeServer idp = new FakeServer().replying(r -> r.path().equals("/.well-known/jwks.json")
            ? FakeServer.Reply.json(200, new JWKSet(signing.toPublicJWK()).toString())
            : FakeServer.Reply.json(404, "{}"));

    @AfterEach
    void tearDown() {
        idp.close();
    }

    @Test
    void acceptsTokensSignedByAPublishedKeyForTheRightIssuerAndAudience() {
        JwtVerifier verifier = verifier("https://idp.example", "quartermaster");

        assertThat(verifier.subject(token(signing, "alice", "https://idp.example", "quartermaster"))).contains("alice");
        assertThat(verifier.subject(token(stranger, "alice", "https://idp.example", "quartermaster")))
                .as("signed by a key the endpoint does not publish").isEmpty();
        assertThat(verifier.subject(token(signing, "alice", "https://other.example", "quartermaster")))
                .as("another issuer").isEmpty();
        assertThat(verifier.subject(token(signing, "alice", "https://idp.example", "another-app")))
                .as("another audience").isEmpty();
        assertThat(idp.requests()).extracting(FakeServer.Recorded::path).contains("/.well-known/jwks.json");
    }

    @Test
    void withoutIssuerAndAudienceOnlySignatureAndExpiryCount() {
        JwtVerifier verifier = verifier(null, null);

        assertThat(verifier.subject(token(signing, "bob", "https://anyone.example", "anything"))).contains("bob");
    }

    private JwtVerifier verifier(String issuer, String audience) {
        return new JwtVerifier(new IdentityProperties(new IdentityProperties.Bootstrap(null, null),
                new IdentityProperties.Jwt(null, idp.url() + "/.well-known/jwks.json", issuer, audience),
                new IdentityProperties.Auth(10, Duration.ofSeconds(60))), egress);
    }

    private static String token(RSAKey key, String subject, String issuer, String audience) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(audience)
                            .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
