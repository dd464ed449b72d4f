package dev.quartermaster.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.ScratchDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On a database from before usage.read, whoever could read audit (and so usage) also holds usage.read. */
@QuartermasterTest
class UsageReadMigrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void holdersOfAuditReadGainUsageReadAndNobodyElseDoes() {
        try (ScratchDatabase db = new ScratchDatabase(dataSource, "50")) {
            JdbcClient jdbc = db.jdbc();
            jdbc.sql("insert into users (username, tier, permissions) values ('admin', 'free', '{users.read,audit.read}'),"
                    + " ('reader', 'free', '{models.read}')").update();
            jdbc.sql("insert into groups (name, permissions) values ('auditors', '{audit.read}'), ('others', '{}')").update();

            db.migrate();

            assertThat(permissions(jdbc, "users", "username", "admin")).containsExactly("users.read", "audit.read", "usage.read");
            assertThat(permissions(jdbc, "users", "username", "reader")).containsExactly("models.read");
            assertThat(permissions(jdbc, "groups", "name", "auditors")).containsExactly("audit.read", "usage.read");
            assertThat(permissions(jdbc, "groups", "name", "others")).isEmpty();
        }
    }

    private static List<String> permissions(JdbcClient jdbc, String table, String column, String name) {
        return jdbc.sql("select unnest(permissions) from " + table + " where " + column + " = ?").param(name)
                .query(String.class).list();
    }
}
