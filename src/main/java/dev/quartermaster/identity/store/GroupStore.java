package dev.quartermaster.identity.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GroupStore {

    private static final String SELECT_GROUP = """
            select g.id, g.name, g.description, g.permissions, g.created_at, g.updated_at,
                   array(select m.user_id from group_members m where m.group_id = g.id order by m.user_id) as members
              from groups g
            """;

    private final JdbcClient jdbc;

    GroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<GroupView> list() {
        return jdbc.sql(SELECT_GROUP + " order by lower(g.name)").query(GroupStore::view).list();
    }

    public Optional<GroupView> find(UUID id) {
        return jdbc.sql(SELECT_GROUP + " where g.id = ?").param(id).query(GroupStore::view).optional();
    }

    /** A group named by its id or by its name. */
    public Optional<UUID> resolve(String idOrName) {
        return jdbc.sql("select id from groups where id::text = ? or lower(name) = lower(?)")
                .params(idOrName, idOrName).query(UUID.class).optional();
    }

    public UUID insert(String name, String description, List<String> permissions) {
        return jdbc.sql("insert into groups (name, description, permissions) values (?, ?, ?) returning id")
                .params(name, description, permissions.toArray(String[]::new)).query(UUID.class).single();
    }

    /** Sets one column; the column name comes from this package, never from a request. */
    public void set(UUID id, String column, Object value) {
        jdbc.sql("update groups set " + column + " = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(value, id).update();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from groups where id = ?)").param(id).query(Boolean.class).single();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from groups where id = ?").param(id).update() > 0;
    }

    private static GroupView view(ResultSet rs, int row) throws SQLException {
        return new GroupView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                Sql.strings(rs, "permissions").stream().sorted().toList(),
                Arrays.stream((Object[]) rs.getArray("members").getArray()).map(UUID.class::cast).toList(),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
