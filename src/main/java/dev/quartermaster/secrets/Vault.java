package dev.quartermaster.secrets;

import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.CacheProperties;
import dev.quartermaster.platform.KeyedCache;
import dev.quartermaster.platform.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Seals and opens secrets. A row that has a secret names it by {@link SecretOwner}; the clear value
 * exists only in memory while in use, never in a response, log line or export. Sealed values are
 * kept in memory (still sealed) so that opening one for a gateway call costs a decryption, not a
 * database round trip; a change on any server drops that owner's entry everywhere.
 */
@Service
public class Vault {

    public static final Topic TOPIC = new Topic("vault");

    private final VaultStore store;
    private final MasterKey key;
    private final Changes changes;
    private final KeyedCache<SecretOwner, VaultStore.Sealed> sealed;

    Vault(VaultStore store, MasterKey key, VaultKeyCheck check, Changes changes, CacheProperties cache) {
        this.store = store;
        this.key = key;
        this.changes = changes;
        this.sealed = KeyedCache.perKey(changes, TOPIC, 100_000, cache.credentialMaxAge(), SecretOwner::parse);
        check.verify();
    }

    /** Stores or replaces the secret of {@code owner}. */
    public void put(SecretOwner owner, String plaintext) {
        store.put(owner, seal(owner, plaintext));
        sealed.invalidate(owner);
        changes.publish(TOPIC, owner.toString());
    }

    /** The clear secret of {@code owner}, if one is stored; fails if the stored value was tampered with. */
    public Optional<String> open(SecretOwner owner) {
        // inside a transaction the row may be this transaction's own, uncommitted: read it, keep nothing
        VaultStore.Sealed found = TransactionSynchronizationManager.isActualTransactionActive()
                ? store.find(owner).orElse(null)
                : sealed.get(owner, o -> store.find(o).orElse(null));
        return Optional.ofNullable(found).map(s -> openSealed(owner, s));
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
        boolean removed = store.delete(owner);
        sealed.invalidate(owner);
        changes.publish(TOPIC, owner.toString());
        return removed;
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
