package dev.quartermaster.accounts.preferences;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code user_preferences}: one row per user who set anything. */
@Repository
class PreferenceStore {

    private final JdbcClient jdbc;

    PreferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> model(UUID userId) {
        return jdbc.sql("select preferred_model from user_preferences where user_id = ?").param(userId)
                .query(String.class).optional();
    }

    void setModel(UUID userId, String model) {
        jdbc.sql("""
                insert into user_preferences (user_id, preferred_model) values (?, ?)
                on conflict (user_id) do update set preferred_model = excluded.preferred_model, updated_at = now()
                """).params(userId, model).update();
    }
}
