package dev.quartermaster.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Seals and opens secrets. A row that has a secret names it by {@link SecretOwner}; the clear value
 * exists only in memory while in use, never in a response, log line or export.
 */
@Service
public class Vault {

    private final JdbcClient jdbc;
    private final MasterKey key;

    Vault(JdbcClient jdbc, MasterKey key, VaultKeyCheck check) {
        this.jdbc = jdbc;
        this.key = key;
        check.verify();
    }

    /** Stores or replaces the secret of {@code owner}. */
    public void put(SecretOwner owner, String plaintext) {
        insert(owner, plaintext, """
                do update set key_id = excluded.key_id, ciphertext = excluded.ciphertext, updated_at = now()
                """);
    }

    /** The clear secret of {@code owner}, if one is stored; fails if the stored value was tampered with. */
    public Optional<String> open(SecretOwner owner) {
        return jdbc.sql("""
                select key_id, ciphertext from vault_secrets
                 where owner_table = :table and owner_id = :row and field = :field
                """)
                .param("table", owner.table()).param("row", owner.rowId()).param("field", owner.field())
                .query((rs, n) -> openSealed(owner, rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /**
     * A server-wide secret: the stored one, or a new one from {@code generator} if none is stored.
     * Several processes starting at once all end up with the same value.
     */
    public String openOrCreate(SecretOwner owner, Supplier<String> generator) {
        return open(owner).orElseGet(() -> {
            insert(owner, generator.get(), "do nothing");
            return open(owner).orElseThrow();
        });
    }

    public boolean remove(SecretOwner owner) {
        return jdbc.sql("delete from vault_secrets where owner_table = :table and owner_id = :row and field = :field")
                .param("table", owner.table()).param("row", owner.rowId()).param("field", owner.field())
                .update() > 0;
    }

    private void insert(SecretOwner owner, String plaintext, String onConflict) {
        if (plaintext == null || plaintext.isEmpty()) {
            throw new IllegalArgumentException("an empty secret cannot be sealed; remove it instead");
        }
        byte[] sealed = Aead.seal(key, plaintext.getBytes(StandardCharsets.UTF_8), owner.associatedData());
        jdbc.sql("""
                insert into vault_secrets (owner_table, owner_id, field, key_id, ciphertext)
                values (:table, :row, :field, :keyId, :sealed)
                on conflict (owner_table, owner_id, field)
                """ + onConflict)
                .param("table", owner.table()).param("row", owner.rowId()).param("field", owner.field())
                .param("keyId", key.id()).param("sealed", sealed)
                .update();
    }

    private String openSealed(SecretOwner owner, String keyId, byte[] sealed) {
        byte[] plain = keyId.equals(key.id()) ? Aead.open(key, sealed, owner.associatedData()) : null;
        if (plain == null) {
            throw new SecretUnreadableException(owner);
        }
        return new String(plain, StandardCharsets.UTF_8);
    }
}
