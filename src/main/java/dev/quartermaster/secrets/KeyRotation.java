package dev.quartermaster.secrets;

import dev.quartermaster.platform.StartupRefusedException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every secret under a new master key, one row per transaction. Rows already under the new
 * key are skipped, so after a crash the same command simply continues where it stopped.
 */
@Component
class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    /** Called after each re-sealed row; lets a test stop the rotation between two rows. */
    interface Progress {
        void resealed(UUID secretId);
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    KeyRotation(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Returns how many secrets were re-sealed in this run. */
    int rotate(MasterKey from, MasterKey to, Progress progress) {
        VaultState state = VaultState.read(jdbc);
        if (state.current().equals(to.id()) && state.rotatingTo() == null) {
            log.info("the vault is already sealed with {}; nothing to do", to.id());
            return 0;
        }
        if (!state.current().equals(from.id())) {
            throw new StartupRefusedException("QM_MASTER_KEY (" + from.id() + ") is not the current master key ("
                    + state.current() + ")");
        }
        if (state.rotatingTo() != null && !state.rotatingTo().equals(to.id())) {
            throw new StartupRefusedException("a rotation to " + state.rotatingTo()
                    + " is unfinished; finish it with that QM_NEW_MASTER_KEY first");
        }
        jdbc.sql("update vault_state set rotating_to_key_id = ?, updated_at = now() where id = 1")
                .param(to.id()).update();
        int resealed = 0;
        do {
            List<UUID> pending = jdbc.sql("select id from vault_secrets where key_id = ? order by id limit 1000")
                    .param(from.id()).query(UUID.class).list();
            for (UUID id : pending) {
                tx.executeWithoutResult(status -> reseal(id, from, to));
                progress.resealed(id);
                resealed++;
            }
        } while (!finish(from, to));
        log.info("re-sealed {} secrets under {}", resealed, to.id());
        return resealed;
    }

    /** Switches to the new key only once no secret is left under the old one (a late writer sends us round again). */
    private boolean finish(MasterKey from, MasterKey to) {
        return jdbc.sql("""
                update vault_state set current_key_id = :to, rotating_to_key_id = null, updated_at = now()
                 where id = 1 and not exists (select 1 from vault_secrets where key_id = :from)
                """).param("to", to.id()).param("from", from.id()).update() == 1;
    }

    private void reseal(UUID id, MasterKey from, MasterKey to) {
        jdbc.sql("select owner_table, owner_id, field, key_id, ciphertext from vault_secrets where id = ? for update")
                .param(id)
                .query((rs, n) -> {
                    SecretOwner owner = new SecretOwner(rs.getString(1), rs.getString(2), rs.getString(3));
                    if (!rs.getString(4).equals(from.id())) {
                        return 0;
                    }
                    byte[] plain = Aead.open(from, rs.getBytes(5), owner.associatedData());
                    if (plain == null) {
                        throw new SecretUnreadableException(owner);
                    }
                    byte[] sealed = Aead.seal(to, plain, owner.associatedData());
                    return jdbc.sql("update vault_secrets set key_id = ?, ciphertext = ? where id = ?")
                            .params(to.id(), sealed, id).update();
                })
                .list();
    }
}
