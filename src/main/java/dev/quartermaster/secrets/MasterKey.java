package dev.quartermaster.secrets;

import dev.quartermaster.platform.StartupRefusedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A 256-bit master key and its id, a fingerprint that names the key without revealing it. */
final class MasterKey {

    static final int LENGTH = 32;

    private final SecretKeySpec key;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = fingerprint(bytes);
        Arrays.fill(bytes, (byte) 0);
    }

    static MasterKey fromBase64(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new StartupRefusedException(source + " is not valid base64");
        }
        if (bytes.length != LENGTH) {
            throw new StartupRefusedException(source + " must be base64 of exactly 32 bytes, not " + bytes.length);
        }
        return new MasterKey(bytes);
    }

    SecretKeySpec key() {
        return key;
    }

    String id() {
        return id;
    }

    private static String fingerprint(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            byte[] digest = mac.doFinal("quartermaster master key id".getBytes(StandardCharsets.UTF_8));
            return "mk-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
