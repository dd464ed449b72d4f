package dev.quartermaster.providers.profile;

import dev.quartermaster.providers.ProfileSummary;
import dev.quartermaster.providers.ProviderType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ProfileStore {

    private static final String SELECT = """
            select id, number, provider, model, base_url, name, description, meta::text as meta, default_system_prompt,
                   has_key, key_last_four, is_active, created_at, updated_at, version
              from provider_profiles
            """;
    private static final TypeReference<Map<String, Object>> META = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProfileStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Profile> list() {
        return jdbc.sql(SELECT + " order by number").query(this::profile).list();
    }

    /** Every profile as other modules see it, without the columns they need not read. */
    List<ProfileSummary> summaries() {
        return jdbc.sql("""
                select id, number, name, provider, model, is_active, has_key, base_url, default_system_prompt
                  from provider_profiles order by number
                """).query((rs, n) -> new ProfileSummary(rs.getObject("id", UUID.class), rs.getLong("number"),
                        rs.getString("name"), ProviderType.fromWire(rs.getString("provider")), rs.getString("model"),
                        rs.getBoolean("is_active"), rs.getBoolean("has_key"), rs.getString("base_url"),
                        rs.getString("default_system_prompt"))).list();
    }

    Optional<Profile> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::profile).optional();
    }

    Optional<Profile> findByNumber(long number) {
        return jdbc.sql(SELECT + " where number = ?").param(number).query(this::profile).optional();
    }

    Optional<Profile> active() {
        return jdbc.sql(SELECT + " where is_active").query(this::profile).optional();
    }

    UUID insert(ProfileValues v) {
        return jdbc.sql("""
                insert into provider_profiles (provider, model, base_url, name, description, meta, default_system_prompt)
                values (:provider, :model, :baseUrl, :name, :description, cast(:meta as jsonb), :prompt) returning id
                """).params(params(v)).query(UUID.class).single();
    }

    /** Writes the values if the row is still at {@code expectedVersion}; false if it moved on or is gone. */
    boolean update(UUID id, int expectedVersion, ProfileValues v) {
        return jdbc.sql("""
                update provider_profiles
                   set provider = :provider, model = :model, base_url = :baseUrl, name = :name,
                       description = :description, meta = cast(:meta as jsonb), default_system_prompt = :prompt,
                       updated_at = now(), version = version + 1
                 where id = :id and version = :version
                """).params(params(v)).param("id", id).param("version", expectedVersion).update() == 1;
    }

    void setKeyState(UUID id, boolean hasKey, String lastFour) {
        jdbc.sql("update provider_profiles set has_key = ?, key_last_four = ?, updated_at = now() where id = ?")
                .params(hasKey, lastFour, id).update();
    }

    /**
     * Makes {@code id} the only active profile. The advisory lock orders concurrent activations,
     * also from other server processes; the partial unique index is the last word if anything slips.
     */
    List<UUID> activate(UUID id) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('provider_profiles.active'))").query().listOfRows();
        List<UUID> deactivated = jdbc.sql("""
                update provider_profiles set is_active = false, updated_at = now()
                 where is_active and id <> ? returning id
                """).param(id).query(UUID.class).list();
        jdbc.sql("update provider_profiles set is_active = true, updated_at = now() where id = ?").param(id).update();
        return deactivated;
    }

    void deactivate(UUID id) {
        jdbc.sql("update provider_profiles set is_active = false, updated_at = now() where id = ?").param(id).update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from provider_profiles where id = ?").param(id).update() == 1;
    }

    private Map<String, Object> params(ProfileValues v) {
        Map<String, Object> params = new HashMap<>();
        params.put("provider", v.provider().wireName());
        params.put("model", v.model());
        params.put("baseUrl", v.baseUrl());
        params.put("name", v.name());
        params.put("description", v.description());
        params.put("meta", json.writeValueAsString(v.meta()));
        params.put("prompt", v.defaultSystemPrompt());
        return params;
    }

    private Profile profile(ResultSet rs, int row) throws SQLException {
        return new Profile(rs.getObject("id", UUID.class), rs.getLong("number"),
                ProviderType.fromWire(rs.getString("provider")), rs.getString("model"), rs.getString("base_url"),
                rs.getString("name"), rs.getString("description"), json.readValue(rs.getString("meta"), META),
                rs.getString("default_system_prompt"), rs.getBoolean("has_key"), rs.getString("key_last_four"),
                rs.getBoolean("is_active"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"));
    }
}
