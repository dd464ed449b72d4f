package dev.quartermaster.secrets;

import dev.quartermaster.platform.StartupRefusedException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final VaultStore store;
    private final TransactionTemplate tx;

    KeyRotation(VaultStore store, TransactionTemplate tx) {
        this.store = store;
        this.tx = tx;
    }

    /** Returns how many secrets were re-sealed in this run. */
    int rotate(MasterKey from, MasterKey to, Progress progress) {
        VaultState state = VaultState.read(store);
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
        store.beginRotation(to.id());
        int resealed = 0;
        do {
            List<UUID> pending = store.sealedUnder(from.id(), 1000);
            for (UUID id : pending) {
                tx.executeWithoutResult(status -> reseal(id, from, to));
                progress.resealed(id);
                resealed++;
            }
        } while (!store.finishRotation(from.id(), to.id()));
        log.info("re-sealed {} secrets under {}", resealed, to.id());
        return resealed;
    }

    private void reseal(UUID id, MasterKey from, MasterKey to) {
        // locked, then checked again: another run may have re-sealed it since it was listed
        store.lock(id).filter(stored -> stored.sealed().keyId().equals(from.id())).ifPresent(stored -> {
            SecretOwner owner = stored.owner();
            byte[] plain = Aead.open(from, stored.sealed().ciphertext(), owner.associatedData());
            if (plain == null) {
                throw new SecretUnreadableException(owner);
            }
            store.replace(id, new VaultStore.Sealed(to.id(), Aead.seal(to, plain, owner.associatedData())));
        });
    }
}
