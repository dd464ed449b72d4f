package dev.quartermaster.catalog.drafts;

import dev.quartermaster.catalog.model.ModelFields;
import dev.quartermaster.catalog.model.ModelInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Editors' drafts. Every read and write is scoped to the owner: another user's draft does not exist. */
@Repository
public class DraftStore {

    private static final String SELECT = """
            select id, owner_id, model_id, model_version, state::text as state, version, created_at, updated_at
              from catalog_drafts
            """;

    /** A draft row; {@code modelId} is null for a model not created yet. */
    public record Draft(UUID id, UUID ownerId, UUID modelId, Integer modelVersion, ModelFields state, int version,
                 OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    private final JdbcClient jdbc;

    DraftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insert(UUID owner, UUID modelId, Integer modelVersion, ModelFields state) {
        return jdbc.sql("""
                insert into catalog_drafts (owner_id, model_id, model_version, state) values (?, ?, ?, ?::jsonb)
                returning id
                """).params(owner, modelId, modelVersion, ModelInput.write(state).toString()).query(UUID.class).single();
    }

    Optional<Draft> find(UUID owner, UUID id) {
        return jdbc.sql(SELECT + " where owner_id = ? and id = ?").params(owner, id).query(DraftStore::draft).optional();
    }

    List<Draft> list(UUID owner) {
        return jdbc.sql(SELECT + " where owner_id = ? order by updated_at desc, id").param(owner)
                .query(DraftStore::draft).list();
    }

    /**
     * Replaces the state only if the draft is still at {@code expectedVersion}: one atomic statement,
     * so that of concurrent patches made at one version exactly one wins.
     */
    Optional<Integer> replace(UUID owner, UUID id, int expectedVersion, ModelFields state) {
        return jdbc.sql("""
                update catalog_drafts set state = ?::jsonb, version = version + 1, updated_at = now()
                 where owner_id = ? and id = ? and version = ?
                returning version
                """).params(ModelInput.write(state).toString(), owner, id, expectedVersion)
                .query(Integer.class).optional();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from catalog_drafts where id = ?").param(id).update();
    }

    private static Draft draft(ResultSet rs, int row) throws SQLException {
        return new Draft(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getObject("model_id", UUID.class), (Integer) rs.getObject("model_version"),
                ModelInput.parseStored(rs.getString("state")), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
