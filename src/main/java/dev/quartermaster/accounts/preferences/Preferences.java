package dev.quartermaster.accounts.preferences;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A user's preferred model. */
@Repository
public class Preferences {

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> model(UUID userId) {
        return jdbc.sql("select preferred_model from user_preferences where user_id = ?").param(userId)
                .query(String.class).optional();
    }

    public void setModel(UUID userId, String model) {
        jdbc.sql("""
                insert into user_preferences (user_id, preferred_model) values (?, ?)
                on conflict (user_id) do update set preferred_model = excluded.preferred_model, updated_at = now()
                """).params(userId, model).update();
    }
}
