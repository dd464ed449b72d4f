package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.quartermaster.support.QuartermasterTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The suite runs on the database it claims to: the server of QM_DATABASE_URL if set, else the embedded one. */
@QuartermasterTest
class DatabaseInUseTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Storage storage;

    @Test
    void theTestsUseTheConfiguredDatabase() {
        String external = System.getenv("QM_DATABASE_URL");
        String url = ((HikariDataSource) dataSource).getJdbcUrl();

        if (external == null || external.isBlank()) {
            assertThat(storage.embeddedDatabase()).isTrue();
            assertThat(url).contains("localhost");
        } else {
            assertThat(storage.embeddedDatabase()).isFalse();
            assertThat(url).isEqualTo(external);
        }
    }
}
