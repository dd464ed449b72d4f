package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quartermaster.support.QuartermasterTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded PostgreSQL lets no one in as superuser without the generated, owner-only password. */
@QuartermasterTest
class EmbeddedDatabaseSecurityTest {

    @Autowired
    Storage storage;

    @Autowired
    DataSource dataSource;

    @Test
    void theSuperuserNeedsThePasswordFromTheDataDirectory() throws Exception {
        assumeTrue(storage.embeddedDatabase(), "only the embedded database is set up by us");
        String url = ((HikariDataSource) dataSource).getJdbcUrl().replaceAll("[?&]user=[^&]*", "");
        Path passwordFile = storage.dataDir().resolve("postgres.password");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "not the password"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection connection = DriverManager.getConnection(url, "postgres", Files.readString(passwordFile).strip())) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }
}
