package dev.quartermaster.secrets;

import dev.quartermaster.platform.StartupRefusedException;

/** The key id that sealed the database, and the one a rotation is moving it to. */
record VaultState(String current, String rotatingTo) {

    static VaultState read(VaultStore store) {
        return store.state()
                .orElseThrow(() -> new StartupRefusedException("the vault has no key yet: start the server once first"));
    }
}
