package dev.quartermaster.integrations;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConnectionStore {

    private static final String SELECT = """
            select id, display_name, integration_config_id, nango_connection_id, owner_user_id, group_id, created_at
              from integration_connections
            """;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ConnectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Connection insert(String displayName, String integration, String nangoId, UUID owner, UUID group, UUID createdBy) {
        String id = newId();
        jdbc.sql("""
                insert into integration_connections
                       (id, display_name, integration_config_id, nango_connection_id, owner_user_id, group_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(id, displayName, integration, nangoId, owner, group, createdBy).update();
        return find(id).orElseThrow();
    }

    Optional<Connection> find(String id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Connection.class).optional();
    }

    List<Connection> list(String integration, int limit, int offset) {
        return jdbc.sql(SELECT + " where (cast(? as text) is null or integration_config_id = ?)"
                        + " order by created_at, id limit ? offset ?")
                .params(integration, integration, limit, offset).query(Connection.class).list();
    }

    /** What a user sees: everything if {@code all}, else their own and their groups' connections. */
    List<UserConnection> visibleTo(UUID userId, Set<UUID> groups, boolean all) {
        return jdbc.sql("""
                select c.id, c.display_name, c.integration_config_id, c.nango_connection_id,
                       (p.connection_id is not null) as is_preferred, c.created_at
                  from integration_connections c
                  left join integration_preferences p
                         on p.user_id = :user and p.integration_config_id = c.integration_config_id
                        and p.connection_id = c.id
                 where :all or c.owner_user_id = :user or c.group_id = any(:groups)
                 order by c.created_at, c.id
                """)
                .param("user", userId).param("all", all).param("groups", groups.toArray(UUID[]::new))
                .query(UserConnection.class).list();
    }

    /** One preferred connection per user and integration: the last writer wins, never two rows. */
    void prefer(UUID userId, String integration, String connectionId) {
        jdbc.sql("""
                insert into integration_preferences (user_id, integration_config_id, connection_id) values (?, ?, ?)
                on conflict (user_id, integration_config_id)
                do update set connection_id = excluded.connection_id, updated_at = now()
                """).params(userId, integration, connectionId).update();
    }

    boolean delete(String id) {
        return jdbc.sql("delete from integration_connections where id = ?").param(id).update() == 1;
    }

    private static String newId() {
        StringBuilder id = new StringBuilder("conn_");
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
