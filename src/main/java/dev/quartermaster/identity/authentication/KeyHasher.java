package dev.quartermaster.identity.authentication;

import dev.quartermaster.secrets.SecretOwner;
import dev.quartermaster.secrets.Vault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA-256 of credentials under a server-wide pepper kept in the vault. API keys are random
 * and long, so a fast keyed hash is enough for them; passwords get an adaptive hash instead.
 */
@Component
public class KeyHasher {

    private static final SecretOwner PEPPER = new SecretOwner("system", "identity", "credential_pepper");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vault vault;
    private volatile Mac prototype;

    KeyHasher(Vault vault) {
        this.vault = vault;
    }

    public byte[] hash(String credential) {
        try {
            Mac mac = (Mac) prototype().clone();
            return mac.doFinal(credential.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opened on first use, not at start: the key rotation command must start while the pepper is mid-rotation. */
    private Mac prototype() {
        Mac mac = prototype;
        if (mac == null) {
            synchronized (this) {
                if (prototype == null) {
                    prototype = pepperedMac();
                }
                mac = prototype;
            }
        }
        return mac;
    }

    private Mac pepperedMac() {
        byte[] pepper = Base64.getDecoder().decode(vault.openOrCreate(PEPPER, () -> randomToken(32)));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new API key: {@code qm_} and 256 random bits. */
    public static String newApiKey() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "qm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The part of a key shown in lists: enough to recognise it, far too little to use it. */
    public static String prefixOf(String key) {
        return key.substring(0, Math.min(11, key.length() / 4));
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
