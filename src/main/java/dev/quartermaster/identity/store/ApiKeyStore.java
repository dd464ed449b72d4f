package dev.quartermaster.identity.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyStore {

    private static final String SELECT_KEY = """
            select id, user_id, name, prefix, null as key, created_at, last_used_at, revoked_at from api_keys
            """;

    /** The user a live key belongs to. */
    public record KeyOwner(UUID keyId, UUID userId) {
    }

    private final JdbcClient jdbc;

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ApiKeyView insert(UUID userId, String name, String prefix, byte[] hash) {
        return jdbc.sql("""
                insert into api_keys (user_id, name, prefix, hash) values (?, ?, ?, ?)
                returning id, user_id, name, prefix, null as key, created_at, last_used_at, revoked_at
                """).params(userId, name, prefix, hash).query(ApiKeyView.class).single();
    }

    public List<ApiKeyView> list(UUID userId) {
        return jdbc.sql(SELECT_KEY + " where user_id = ? order by created_at").param(userId)
                .query(ApiKeyView.class).list();
    }

    public Optional<KeyOwner> live(byte[] hash) {
        return jdbc.sql("select id as key_id, user_id from api_keys where hash = ? and revoked_at is null").param(hash)
                .query(KeyOwner.class).optional();
    }

    public Optional<ApiKeyView> revoke(UUID userId, UUID keyId) {
        return jdbc.sql("""
                update api_keys set revoked_at = coalesce(revoked_at, now()) where id = ? and user_id = ?
                returning id, user_id, name, prefix, null as key, created_at, last_used_at, revoked_at
                """).params(keyId, userId).query(ApiKeyView.class).optional();
    }

    public void touch(Map<UUID, Instant> lastUsed) {
        lastUsed.forEach((id, at) -> jdbc.sql("""
                update api_keys set last_used_at = greatest(coalesce(last_used_at, ?), ?) where id = ?
                """).params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id)
                .update());
    }
}
