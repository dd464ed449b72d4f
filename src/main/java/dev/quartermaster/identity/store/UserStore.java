package dev.quartermaster.identity.store;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.authentication.Credentials;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users, their group memberships and what a credential of theirs may do. */
@Repository
public class UserStore {

    private static final String SELECT_USER = """
            select u.id, u.username, u.display_name, u.tier, u.permissions, u.password_hash is not null as has_password,
                   u.created_at, u.updated_at,
                   coalesce((select json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name)::text
                               from group_members m join groups g on g.id = m.group_id
                              where m.user_id = u.id), '[]') as groups
              from users u
            """;

    public record Credentials(UUID id, String passwordHash) {
    }

    private final JdbcClient jdbc;
    private final GroupRefs groupRefs;

    UserStore(JdbcClient jdbc, GroupRefs groupRefs) {
        this.jdbc = jdbc;
        this.groupRefs = groupRefs;
    }

    public List<UserView> list(int limit, int offset) {
        return jdbc.sql(SELECT_USER + " order by lower(u.username) limit ? offset ?")
                .params(limit, offset).query(this::view).list();
    }

    public Optional<UserView> find(UUID id) {
        return jdbc.sql(SELECT_USER + " where u.id = ?").param(id).query(this::view).optional();
    }

    /** The names of those of {@code ids} that are users, in one statement. */
    public Map<UUID, String> usernames(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, username from users where id = any(?)").param(ids.toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> names.put(rs.getObject(1, UUID.class), rs.getString(2)));
        return names;
    }

    public Optional<UUID> idOf(String username) {
        return jdbc.sql("select id from users where lower(username) = lower(?)").param(username)
                .query(UUID.class).optional();
    }

    /** The user named exactly {@code username}, case included (a JWT's {@code sub}). */
    public Optional<UUID> idOfExactly(String username) {
        return jdbc.sql("select id from users where username = ?").param(username).query(UUID.class).optional();
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("select id, password_hash from users where lower(username) = lower(?) and password_hash is not null")
                .param(username).query(Credentials.class).optional();
    }

    public UUID insert(String username, String displayName, String tier, List<String> permissions, String passwordHash) {
        return jdbc.sql("""
                insert into users (username, display_name, tier, permissions, password_hash)
                values (?, ?, ?, ?, ?) returning id
                """)
                .params(username, displayName, tier, permissions.toArray(String[]::new), passwordHash)
                .query(UUID.class).single();
    }

    /** Sets one column; the column name comes from this package, never from a request. */
    public void set(UUID id, String column, Object value) {
        jdbc.sql("update users set " + column + " = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(value, id).update();
    }

    public void setGroups(UUID userId, List<UUID> groupIds) {
        jdbc.sql("delete from group_members where user_id = ?").param(userId).update();
        for (UUID groupId : groupIds) {
            jdbc.sql("insert into group_members (group_id, user_id) values (?, ?) on conflict do nothing")
                    .params(groupId, userId).update();
        }
    }

    public boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from users where id = ?)").param(id).query(Boolean.class).single();
    }

    public boolean anyExist() {
        return jdbc.sql("select exists (select 1 from users)").query(Boolean.class).single();
    }

    /**
     * Whether a user of the tier holds a permission outside {@code permissions} (directly or through a
     * group), or belongs to a group outside {@code groupIds} (checked only when {@code checkGroups}).
     */
    public boolean anyInTierBeyond(String tier, Set<String> permissions, Set<UUID> groupIds, boolean checkGroups) {
        return jdbc.sql("""
                select exists (select 1 from users u
                  where u.tier = :tier
                    and (exists (select 1 from unnest(u.permissions) p where not p = any(cast(:permissions as text[])))
                         or exists (select 1 from group_members m join groups g on g.id = m.group_id
                                     where m.user_id = u.id
                                       and ((:checkGroups and not m.group_id = any(cast(:groups as uuid[])))
                                            or exists (select 1 from unnest(g.permissions) p
                                                        where not p = any(cast(:permissions as text[])))))))
                """)
                .param("tier", tier).param("permissions", permissions.toArray(String[]::new))
                .param("groups", groupIds.stream().map(UUID::toString).toArray(String[]::new))
                .param("checkGroups", checkGroups)
                .query(Boolean.class).single();
    }

    public long countInTier(String tier) {
        return jdbc.sql("select count(*) from users where tier = ?").param(tier).query(Long.class).single();
    }

    /**
     * Held until the caller's transaction ends: server processes starting at once on an empty database
     * take turns deciding whether the first user is still missing.
     */
    public void lockFirstUserCreation() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('quartermaster bootstrap'))").query().listOfRows();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from users where id = ?").param(id).update() > 0;
    }

    /** The caller a credential of this user stands for: own permissions plus those of every group. */
    public Optional<Caller> caller(UUID id) {
        return jdbc.sql("""
                select u.id, u.username, u.tier,
                       array(select unnest(u.permissions)
                             union select unnest(g.permissions) from group_members m join groups g on g.id = m.group_id
                              where m.user_id = u.id) as permissions,
                       array(select m.group_id from group_members m where m.user_id = u.id) as group_ids
                  from users u where u.id = ?
                """)
                .param(id)
                .query((rs, n) -> new Caller(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("tier"), Set.copyOf(Sql.strings(rs, "permissions")), groupIds(rs)))
                .optional();
    }

    private static Set<UUID> groupIds(ResultSet rs) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        for (Object id : (Object[]) rs.getArray("group_ids").getArray()) {
            ids.add((UUID) id);
        }
        return ids;
    }

    private UserView view(ResultSet rs, int row) throws SQLException {
        return new UserView(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("tier"), Sql.strings(rs, "permissions").stream().sorted().toList(),
                groupRefs.parse(rs.getString("groups")), rs.getBoolean("has_password"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
