package dev.quartermaster.accounts.byok;

import dev.quartermaster.providers.ProviderType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code byok_keys}; every query is scoped to one user. */
@Repository
public class ByokStore {

    private static final String SELECT = "select id, user_id, provider, valid, key_last_four, created_at from byok_keys";

    private final JdbcClient jdbc;

    ByokStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ByokKey> of(UUID userId) {
        return jdbc.sql(SELECT + " where user_id = ? order by provider").param(userId).query(ByokStore::key).list();
    }

    Optional<ByokKey> find(UUID userId, ProviderType provider) {
        return jdbc.sql(SELECT + " where user_id = ? and provider = ?").params(userId, provider.wireName())
                .query(ByokStore::key).optional();
    }

    /** Stores the key's row, replacing an earlier one of the same provider: a new key starts afresh. */
    ByokKey upsert(UUID userId, ProviderType provider, Boolean valid, String lastFour) {
        return jdbc.sql("""
                insert into byok_keys (user_id, provider, valid, validated_at, key_last_four)
                values (:user, :provider, cast(:valid as boolean), case when cast(:valid as boolean) is null then null else now() end,
                        :lastFour)
                on conflict (user_id, provider) do update
                   set valid = excluded.valid, validated_at = excluded.validated_at,
                       key_last_four = excluded.key_last_four, created_at = now()
                returning id, user_id, provider, valid, key_last_four, created_at
                """).param("user", userId).param("provider", provider.wireName()).param("valid", valid)
                .param("lastFour", lastFour).query(ByokStore::key).single();
    }

    boolean delete(UUID userId, ProviderType provider) {
        return jdbc.sql("delete from byok_keys where user_id = ? and provider = ?")
                .params(userId, provider.wireName()).update() == 1;
    }

    private static ByokKey key(ResultSet rs, int row) throws SQLException {
        return new ByokKey(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                ProviderType.fromWire(rs.getString("provider")), (Boolean) rs.getObject("valid"),
                rs.getString("key_last_four"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
