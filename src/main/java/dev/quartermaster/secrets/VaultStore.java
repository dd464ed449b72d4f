package dev.quartermaster.secrets;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code vault_secrets}, one ciphertext per owner with the id of the key that sealed it, and the
 * single row of {@code vault_state}: the database's master key id and the one a rotation moves to.
 */
@Repository
class VaultStore {

    /** A ciphertext and the id of the master key that sealed it. */
    record Sealed(String keyId, byte[] ciphertext) {
    }

    /** A stored secret as a rotation reads it. */
    record Stored(SecretOwner owner, Sealed sealed) {
    }

    private final JdbcClient jdbc;

    VaultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Sealed> find(SecretOwner owner) {
        return jdbc.sql("""
                select key_id, ciphertext from vault_secrets
                 where owner_table = :table and owner_id = :row and field = :field
                """)
                .param("table", owner.table()).param("row", owner.rowId()).param("field", owner.field())
                .query((rs, n) -> new Sealed(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    void put(SecretOwner owner, Sealed sealed) {
        insert(owner, sealed, """
                do update set key_id = excluded.key_id, ciphertext = excluded.ciphertext, updated_at = now()
                """);
    }

    /** Keeps the stored secret if there is one: the first of concurrent writers wins. */
    void putIfAbsent(SecretOwner owner, Sealed sealed) {
        insert(owner, sealed, "do nothing");
    }

    boolean delete(SecretOwner owner) {
        return jdbc.sql("delete from vault_secrets where owner_table = :table and owner_id = :row and field = :field")
                .param("table", owner.table()).param("row", owner.rowId()).param("field", owner.field())
                .update() > 0;
    }

    /** Up to {@code limit} secrets still sealed under {@code keyId}, in id order. */
    List<UUID> sealedUnder(String keyId, int limit) {
        return jdbc.sql("select id from vault_secrets where key_id = ? order by id limit ?")
                .params(keyId, limit).query(UUID.class).list();
    }

    /** Reads a secret and locks it until the caller's transaction ends. */
    Optional<Stored> lock(UUID id) {
        return jdbc.sql("select owner_table, owner_id, field, key_id, ciphertext from vault_secrets where id = ? for update")
                .param(id)
                .query((rs, n) -> new Stored(new SecretOwner(rs.getString(1), rs.getString(2), rs.getString(3)),
                        new Sealed(rs.getString(4), rs.getBytes(5))))
                .optional();
    }

    void replace(UUID id, Sealed sealed) {
        jdbc.sql("update vault_secrets set key_id = ?, ciphertext = ? where id = ?")
                .params(sealed.keyId(), sealed.ciphertext(), id).update();
    }

    Optional<VaultState> state() {
        return jdbc.sql("select current_key_id, rotating_to_key_id from vault_state where id = 1")
                .query((rs, n) -> new VaultState(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** The first start seals the database with its key; later starts change nothing. */
    void initState(String keyId) {
        jdbc.sql("insert into vault_state (current_key_id) values (?) on conflict (id) do nothing")
                .param(keyId).update();
    }

    void beginRotation(String toKeyId) {
        jdbc.sql("update vault_state set rotating_to_key_id = ?, updated_at = now() where id = 1")
                .param(toKeyId).update();
    }

    /** Switches to the new key only once no secret is left under the old one (a late writer sends us round again). */
    boolean finishRotation(String fromKeyId, String toKeyId) {
        return jdbc.sql("""
                update vault_state set current_key_id = :to, rotating_to_key_id = null, updated_at = now()
                 where id = 1 and not exists (select 1 from vault_secrets where key_id = :from)
                """).param("to", toKeyId).param("from", fromKeyId).update() == 1;
    }

    private void insert(SecretOwner owner, Sealed sealed, String onConflict) {
        jdbc.sql("""
                insert into vault_secrets (owner_table, owner_id, field, key_id, ciphertext)
                values (:table, :row, :field, :keyId, :sealed)
                on conflict (owner_table, owner_id, field)
                """ + onConflict)
                .param("table", owner.table()).param("row", owner.rowId()).param("field", owner.field())
                .param("keyId", sealed.keyId()).param("sealed", sealed.ciphertext())
                .update();
    }
}
