package dev.quartermaster.catalog.taxonomy;

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
public class AgentStore {

    private static final String SELECT = """
            select a.id, a.name, a.description, a.created_at, a.updated_at, a.version,
                   array(select m.model_id from catalog_agent_models m where m.agent_id = a.id order by m.model_id) as model_ids
              from catalog_agents a
            """;

    private final JdbcClient jdbc;

    AgentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Agent> list() {
        return jdbc.sql(SELECT + " order by lower(a.name), a.id").query(AgentStore::agent).list();
    }

    /** Ids and names only: an agent's model list can be long. */
    public List<AgentName> names() {
        return jdbc.sql("select id, name from catalog_agents order by lower(name), id").query(AgentName.class).list();
    }

    public record AgentName(UUID id, String name) {
    }

    Optional<Agent> find(UUID id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(AgentStore::agent).optional();
    }

    boolean nameTaken(String name, UUID except) {
        return jdbc.sql("select count(*) from catalog_agents where lower(name) = lower(?) and id is distinct from ?")
                .params(name, except).query(Long.class).single() > 0;
    }

    UUID insert(String name, String description) {
        return jdbc.sql("insert into catalog_agents (name, description) values (?, ?) returning id")
                .params(name, description).query(UUID.class).single();
    }

    /** Sets one column; the column name comes from this package, never from a request. */
    void set(UUID id, String column, Object value) {
        jdbc.sql("update catalog_agents set " + column + " = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(value, id).update();
    }

    void setModels(UUID id, List<UUID> modelIds) {
        jdbc.sql("delete from catalog_agent_models where agent_id = ?").param(id).update();
        jdbc.sql("""
                insert into catalog_agent_models (agent_id, model_id)
                select ?, m from unnest(?::uuid[]) m on conflict do nothing
                """).params(id, modelIds.toArray(UUID[]::new)).update();
    }

    /** Those of {@code ids} that name no catalog model. */
    List<UUID> unknownModels(List<UUID> ids) {
        return jdbc.sql("select i from unnest(?::uuid[]) i where not exists (select 1 from catalog_models m where m.id = i)")
                .param(ids.toArray(UUID[]::new)).query(UUID.class).list();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from catalog_agents where id = ?").param(id).update() > 0;
    }

    private static Agent agent(ResultSet rs, int row) throws SQLException {
        return new Agent(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                Arrays.stream((Object[]) rs.getArray("model_ids").getArray()).map(UUID.class::cast).toList(),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }
}
