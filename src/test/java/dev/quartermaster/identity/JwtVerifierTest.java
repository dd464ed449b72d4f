package dev.quartermaster.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
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
import dev.quartermaster.support.TestSettings;
import java.nio.charset.StandardCharsets;
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

    @Test
    void aTokenWithoutExpiryIsRefused() {
        JwtVerifier verifier = hs256(null, null);

        assertThat(verifier.subject(hs256Token(claims("carol").build()))).isEmpty();
        assertThat(verifier.subject(hs256Token(claims("carol").expirationTime(in(600)).build()))).contains("carol");
    }

    @Test
    void notBeforeAndIssuedAtAreCheckedWithASmallClockSkew() {
        JwtVerifier verifier = hs256(null, null);

        assertThat(verifier.subject(hs256Token(claims("dan").expirationTime(in(600)).notBeforeTime(in(600)).build())))
                .as("not valid yet").isEmpty();
        assertThat(verifier.subject(hs256Token(claims("dan").expirationTime(in(600)).issueTime(in(600)).build())))
                .as("issued in the future").isEmpty();
        assertThat(verifier.subject(hs256Token(claims("dan").expirationTime(in(600)).notBeforeTime(in(20))
                .issueTime(in(20)).build()))).as("within the skew").contains("dan");
        assertThat(verifier.subject(hs256Token(claims("dan").expirationTime(in(-20)).build())))
                .as("expired within the skew").contains("dan");
        assertThat(verifier.subject(hs256Token(claims("dan").expirationTime(in(-120)).build())))
                .as("expired beyond the skew").isEmpty();
    }

    @Test
    void aConfiguredIssuerAndAudienceMustBeInTheToken() {
        JwtVerifier verifier = hs256("https://idp.example", "quartermaster");

        assertThat(verifier.subject(hs256Token(claims("erin").expirationTime(in(600)).issuer("https://idp.example")
                .audience("quartermaster").build()))).contains("erin");
        assertThat(verifier.subject(hs256Token(claims("erin").expirationTime(in(600)).audience("quartermaster").build())))
                .as("no issuer").isEmpty();
        assertThat(verifier.subject(hs256Token(claims("erin").expirationTime(in(600)).issuer("https://idp.example").build())))
                .as("no audience").isEmpty();
    }

    private JwtVerifier hs256(String issuer, String audience) {
        return new JwtVerifier(new IdentityProperties(new IdentityProperties.Bootstrap(null, null),
                new IdentityProperties.Jwt(TestSettings.JWT_SECRET, null, issuer, audience),
                new IdentityProperties.Auth(10, Duration.ofSeconds(60))), egress);
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        return new JWTClaimsSet.Builder().subject(subject);
    }

    private static Date in(long seconds) {
        return new Date(System.currentTimeMillis() + seconds * 1000);
    }

    private static String hs256Token(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(TestSettings.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
