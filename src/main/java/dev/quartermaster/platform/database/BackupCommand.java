package dev.quartermaster.platform.database;

import dev.quartermaster.platform.StartupRefusedException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar quartermaster.jar backup <file>} and {@code restore <file>}: every table's rows
 * through PostgreSQL's {@code COPY}, so the embedded database needs no client tools of its version
 * (with a PostgreSQL server, {@code pg_dump} does as well). A backup is one repeatable-read
 * transaction, consistent even while servers run on a PostgreSQL server (the embedded one is
 * backed up with its server stopped). A restore replaces every row of the database in one
 * transaction, into a schema of the same version; the secrets stay sealed, so the server needs the
 * backup's master key. The file holds no secret in clear, but everything else: keep it private.
 */
@Component
@ConditionalOnExpression("'${qm.command:}' == 'backup' or '${qm.command:}' == 'restore'")
class BackupCommand implements CommandLineRunner {

    static final String BACKUP = "backup";
    private static final String HEADER = "quartermaster-backup 1";
    private static final String END = "\\.";

    private final DataSource dataSource;
    private final String command;

    BackupCommand(DataSource dataSource, @Value("${qm.command}") String command) {
        this.dataSource = dataSource;
        this.command = command;
    }

    @Override
    public void run(String... args) throws Exception {
        if (args.length != 1) {
            throw new StartupRefusedException("usage: java -jar quartermaster.jar " + command + " <file>");
        }
        Path file = Path.of(args[0]);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            if (command.equals(BACKUP)) {
                int tables = backup(connection, file);
                System.out.println("Backed up " + tables + " tables to " + file + ". Keep the master key with it, apart.");
            } else {
                int tables = restore(connection, file);
                System.out.println("Restored " + tables + " tables from " + file
                        + ". Start the server with the master key of the backup.");
            }
        }
    }

    private int backup(Connection connection, Path file) throws SQLException, IOException {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        List<String> tables = tables(connection);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\nschema " + schema(connection) + "\n");
            for (String table : tables) {
                out.write("table " + table + "\n");
                copy.copyOut("copy \"" + table + "\" to stdout", out);
                out.write(END + "\n");
            }
        }
        connection.commit();
        return tables.size();
    }

    private int restore(Connection connection, Path file) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            expect(in.readLine(), HEADER);
            String schema = schema(connection);
            expect(in.readLine(), "schema " + schema);
            // rows go in as they were: no trigger (the ledger's, foreign keys) runs on them
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("truncate " + String.join(", ", tables(connection).stream().map(t -> "\"" + t + "\"").toList()))
                    .update();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String table = line.substring("table ".length());
                copy.copyIn("copy \"" + table + "\" from stdin", new Section(in));
                count++;
            }
            restartIdentities(jdbc);
        }
        connection.commit();
        return count;
    }

    /** Each identity column's next value after the highest restored one. */
    private static void restartIdentities(JdbcClient jdbc) {
        List<List<String>> columns = jdbc.sql("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = 'public' and is_identity = 'YES'""")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list();
        for (List<String> column : columns) {
            jdbc.sql("select setval(pg_get_serial_sequence(?, ?), coalesce((select max(\"" + column.get(1) + "\") from \""
                            + column.get(0) + "\"), 0) + 1, false)")
                    .params("\"" + column.get(0) + "\"", column.get(1)).query(Long.class).single();
        }
    }

    private static void expect(String line, String wanted) {
        if (!wanted.equals(line)) {
            throw new StartupRefusedException("this is not a backup of this schema: expected '" + wanted + "', found '"
                    + line + "'. Restore it with the version that made it (into a fresh data directory), then start"
                    + " this one, which migrates it.");
        }
    }

    private static List<String> tables(Connection connection) {
        return JdbcClient.create(new SingleConnectionDataSource(connection, true)).sql("""
                        select tablename from pg_tables
                        where schemaname = 'public' and tablename <> 'flyway_schema_history' order by tablename""")
                .query(String.class).list();
    }

    /** The last migration applied: a backup goes back only into the same schema. */
    private static String schema(Connection connection) {
        return JdbcClient.create(new SingleConnectionDataSource(connection, true)).sql("""
                        select version from flyway_schema_history where success order by installed_rank desc limit 1""")
                .query(String.class).single();
    }

    /** One table's COPY rows, up to its end line. */
    private static final class Section extends Reader {

        private final BufferedReader in;
        private String pending = "";
        private int at;
        private boolean done;

        Section(BufferedReader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            while (at == pending.length()) {
                String line = done ? null : in.readLine();
                if (line == null || line.equals(END)) {
                    done = true;
                    return -1;
                }
                pending = line + "\n";
                at = 0;
            }
            int n = Math.min(length, pending.length() - at);
            pending.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
