package dev.quartermaster.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code QM_DATA_DIR}, {@code QM_DATABASE_URL}, {@code QM_DATABASE_USERNAME}, {@code QM_DATABASE_PASSWORD}. */
@ConfigurationProperties("qm")
record DatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Db database) {

    record Db(String url, String username, String password, @DefaultValue("10") int poolSize) {

        boolean external() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "Db[" + url + ", user " + username + ", pool " + poolSize + "]";
        }
    }
}
