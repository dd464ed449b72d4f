package dev.quartermaster.secrets;

import dev.quartermaster.platform.StartupRefusedException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The key id that sealed the database, and the one a rotation is moving it to. */
record VaultState(String current, String rotatingTo) {

    static VaultState read(JdbcClient jdbc) {
        return jdbc.sql("select current_key_id, rotating_to_key_id from vault_state where id = 1")
                .query((rs, n) -> new VaultState(rs.getString(1), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new StartupRefusedException("the vault has no key yet: start the server once first"));
    }
}
