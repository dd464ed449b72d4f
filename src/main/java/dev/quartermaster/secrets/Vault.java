package dev.quartermaster.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Seals and opens secrets. A row that has a secret names it by {@link SecretOwner}; the clear value
 * exists only in memory while in use, never in a response, log line or export.
 */
@Service
public class Vault {

    private final VaultStore store;
    private final MasterKey key;

    Vault(VaultStore store, MasterKey key, VaultKeyCheck check) {
        this.store = store;
        this.key = key;
        check.verify();
    }

    /** Stores or replaces the secret of {@code owner}. */
    public void put(SecretOwner owner, String plaintext) {
        store.put(owner, seal(owner, plaintext));
    }

    /** The clear secret of {@code owner}, if one is stored; fails if the stored value was tampered with. */
    public Optional<String> open(SecretOwner owner) {
        return store.find(owner).map(sealed -> openSealed(owner, sealed));
    }

    /**
     * A server-wide secret: the stored one, or a new one from {@code generator} if none is stored.
     * Several processes starting at once all end up with the same value.
     */
    public String openOrCreate(SecretOwner owner, Supplier<String> generator) {
        return open(owner).orElseGet(() -> {
            store.putIfAbsent(owner, seal(owner, generator.get()));
            return open(owner).orElseThrow();
        });
    }

    public boolean remove(SecretOwner owner) {
        return store.delete(owner);
    }

    private VaultStore.Sealed seal(SecretOwner owner, String plaintext) {
        if (plaintext == null || plaintext.isEmpty()) {
            throw new IllegalArgumentException("an empty secret cannot be sealed; remove it instead");
        }
        return new VaultStore.Sealed(key.id(),
                Aead.seal(key, plaintext.getBytes(StandardCharsets.UTF_8), owner.associatedData()));
    }

    private String openSealed(SecretOwner owner, VaultStore.Sealed sealed) {
        byte[] plain = sealed.keyId().equals(key.id()) ? Aead.open(key, sealed.ciphertext(), owner.associatedData())
                : null;
        if (plain == null) {
            throw new SecretUnreadableException(owner);
        }
        return new String(plain, StandardCharsets.UTF_8);
    }
}
