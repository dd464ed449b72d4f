package dev.quartermaster.identity.session;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code console_sessions} table; a token is only ever seen here as its keyed hash. */
@Repository
public class SessionStore {

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID userId, byte[] tokenHash, Duration absolute) {
        jdbc.sql("""
                insert into console_sessions (user_id, token_hash, expires_at)
                values (?, ?, now() + make_interval(secs => ?))
                """).params(userId, tokenHash, absolute.toSeconds()).update();
    }

    /**
     * The user of a live session, which this use keeps alive: not revoked, within its absolute
     * lifetime and used within the idle timeout.
     */
    public Optional<UUID> use(byte[] tokenHash, Duration idle) {
        return jdbc.sql("""
                update console_sessions set last_seen_at = now()
                 where token_hash = ? and revoked_at is null and expires_at > now()
                   and last_seen_at > now() - make_interval(secs => ?)
                returning user_id
                """).params(tokenHash, idle.toSeconds()).query(UUID.class).optional();
    }

    public boolean revoke(byte[] tokenHash) {
        return jdbc.sql("update console_sessions set revoked_at = now() where token_hash = ? and revoked_at is null")
                .param(tokenHash).update() > 0;
    }

    /** Ends every session of a user (their password changed, say). */
    public int revokeAll(UUID userId) {
        return jdbc.sql("update console_sessions set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(userId).update();
    }

    /** Rows that no request can use any more; kept a day for whoever looks into a sign-in. */
    public int purge() {
        return jdbc.sql("""
                delete from console_sessions
                 where coalesce(revoked_at, expires_at) < now() - interval '1 day'
                """).update();
    }
}
