package dev.quartermaster.identity;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Existence checks other modules need before they point at a user or a group. */
@Service
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean userExists(UUID id) {
        return jdbc.sql("select exists (select 1 from users where id = ?)").param(id).query(Boolean.class).single();
    }

    public boolean groupExists(UUID id) {
        return jdbc.sql("select exists (select 1 from groups where id = ?)").param(id).query(Boolean.class).single();
    }
}
