package dev.quartermaster.platform.database;

import dev.quartermaster.platform.StartupRefusedException;
import java.io.IOException;

/** How to reach the database; owns the embedded server when there is one. */
record ConnectionSettings(String url, String username, String password, EmbeddedDatabase embedded)
        implements AutoCloseable {

    static ConnectionSettings of(DatabaseProperties properties) {
        DatabaseProperties.Db db = properties.database();
        if (db.external()) {
            if (!db.url().startsWith("jdbc:postgresql:")) {
                throw new StartupRefusedException("QM_DATABASE_URL must be a jdbc:postgresql:// URL");
            }
            return new ConnectionSettings(db.url(), db.username(), db.password(), null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(properties.dataDir());
        return new ConnectionSettings(embedded.jdbcUrl(), "postgres", embedded.password(), embedded);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + url + ", user " + username + "]";
    }
}
