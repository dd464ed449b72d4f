package dev.quartermaster.secrets;

import dev.quartermaster.platform.StartupRefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a master key other than the one the database was sealed with, or while a
 * rotation is unfinished. It only reads; a refused start changes nothing.
 */
@Component
class VaultKeyCheck {

    static final String ROTATE_COMMAND = "rotate-master-key";

    private final VaultStore store;
    private final MasterKey key;
    private final boolean rotating;

    VaultKeyCheck(VaultStore store, MasterKey key, @Value("${qm.command:}") String command) {
        this.store = store;
        this.key = key;
        this.rotating = ROTATE_COMMAND.equals(command);
    }

    void verify() {
        if (rotating) {
            return;
        }
        store.initState(key.id());
        VaultState state = VaultState.read(store);
        if (state.rotatingTo() != null) {
            throw new StartupRefusedException("a master key rotation from " + state.current() + " to "
                    + state.rotatingTo() + " did not finish. Run `java -jar quartermaster.jar " + ROTATE_COMMAND
                    + "` again with QM_MASTER_KEY (old) and QM_NEW_MASTER_KEY (new). Nothing was changed.");
        }
        if (!state.current().equals(key.id())) {
            throw new StartupRefusedException("QM_MASTER_KEY (key id " + key.id()
                    + ") is not the master key this database was sealed with (key id " + state.current()
                    + "). The server will not start; nothing was changed.");
        }
    }
}
