package dev.quartermaster.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code QM_MASTER_KEY}, and {@code QM_NEW_MASTER_KEY} for the rotation command. */
@ConfigurationProperties("qm")
record VaultProperties(String masterKey, String newMasterKey) {

    @Override
    public String toString() {
        return "VaultProperties[****]";
    }
}
